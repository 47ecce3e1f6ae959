package app.tandem.core.audit;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, UUID> {

    Page<AuditEvent> findAllByOrderByOccurredAtDesc(Pageable page);

    Page<AuditEvent> findByActionStartingWithOrderByOccurredAtDesc(String actionPrefix, Pageable page);
}
