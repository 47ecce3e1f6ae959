package app.tandem.mentoring.program;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProgramRepository extends JpaRepository<Program, UUID> {

    List<Program> findAllByOrderByCreatedAtDesc();

    List<Program> findByStatusInOrderByStartsOnAscNameAsc(Collection<ProgramStatus> statuses);

    /** People taking part (not withdrawn) in the given programs, per program and role. */
    @Query("select new app.tandem.mentoring.program.EnrollmentCount(e.programId, e.role, count(e))"
            + " from Enrollment e where e.programId in :programIds"
            + " and e.status <> app.tandem.mentoring.enrollment.EnrollmentStatus.WITHDRAWN"
            + " group by e.programId, e.role")
    List<EnrollmentCount> countTakingPart(Collection<UUID> programIds);

    /** The program, locked until the end of the transaction: status changes and matching take turns on it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Program p where p.id = :id")
    Optional<Program> findForUpdate(UUID id);

    long countByStatusIn(Collection<ProgramStatus> statuses);
}
