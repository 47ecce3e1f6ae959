package app.tandem.tenantadmin.invitation;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvitationImportRepository extends JpaRepository<InvitationImport, UUID> {}
