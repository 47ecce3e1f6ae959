package app.tandem.identity.member;

import app.tandem.identity.OrgRole;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

    @Query("select m.email from Member m where m.role = :role"
            + " and m.status = app.tandem.identity.member.MemberStatus.ACTIVE order by m.email")
    List<String> activeEmails(OrgRole role);

    @Query("select lower(m.email) from Member m where lower(m.email) in :emails")
    List<String> emailsAmong(Collection<String> emails);

    @Query("""
            select m from Member m
            where (:text = '' or lower(m.displayName) like concat('%', :text, '%')
                              or lower(m.email) like concat('%', :text, '%'))
              and (:role is null or m.role = :role)
              and (:status is null or m.status = :status)
            order by lower(m.displayName), m.email
            """)
    Page<Member> search(String text, OrgRole role, MemberStatus status, Pageable page);
}
