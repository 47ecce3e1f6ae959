package app.tandem.mentoring.enrollment;

import app.tandem.mentoring.matching.Role;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface EnrollmentRepository extends JpaRepository<Enrollment, UUID> {

    List<Enrollment> findByProgramIdAndRoleAndStatusIn(
            UUID programId, Role role, Collection<EnrollmentStatus> statuses);

    List<Enrollment> findByProgramIdOrderByCreatedAtAsc(UUID programId);

    List<Enrollment> findByProgramIdAndMemberId(UUID programId, UUID memberId);

    List<Enrollment> findByMemberIdAndStatusIn(UUID memberId, Collection<EnrollmentStatus> statuses);

    @Query("select e from Enrollment e where e.programId = :programId and e.memberId = :memberId and e.role = :role"
            + " and e.status <> app.tandem.mentoring.enrollment.EnrollmentStatus.WITHDRAWN")
    Optional<Enrollment> findTakingPart(UUID programId, UUID memberId, Role role);

    /**
     * The enrollment, locked until the end of the transaction. Accepting a request or publishing a match locks the
     * mentor's enrollment first, so that two of them never both take the last place.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Enrollment e where e.id = :id")
    Optional<Enrollment> findForUpdate(UUID id);
}
