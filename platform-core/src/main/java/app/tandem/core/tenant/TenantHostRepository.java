package app.tandem.core.tenant;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantHostRepository extends JpaRepository<TenantHost, String> {

    List<TenantHost> findByTenantIdOrderByHost(UUID tenantId);
}
