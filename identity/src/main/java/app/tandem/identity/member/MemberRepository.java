package app.tandem.identity.member;

import app.tandem.identity.OrgRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemberRepository extends JpaRepository<Member, UUID> {

    Optional<Member> findByKeycloakUserId(String keycloakUserId);

    @Query("select m from Member m where lower(m.email) = lower(:email)")
    Optional<Member> findByEmail(String email);

    @Query(
            "select count(m) from Member m where m.role = :role and m.status = app.tandem.identity.member.MemberStatus.ACTIVE")
    long countActive(OrgRole role);

    List<Member> findAllByOrderByDisplayNameAsc();
}
