package app.tandem.tenantadmin.invitation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    @Query(
            "select i from Invitation i where lower(i.email) = lower(:email) and i.status = app.tandem.tenantadmin.invitation.InvitationStatus.PENDING")
    Optional<Invitation> findPending(String email);

    @Query(
            "select lower(i.email) from Invitation i where lower(i.email) in :emails and i.status = app.tandem.tenantadmin.invitation.InvitationStatus.PENDING")
    List<String> pendingAmong(Collection<String> emails);

    Page<Invitation> findAllByOrderByCreatedAtDesc(Pageable page);
}
