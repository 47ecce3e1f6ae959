package app.tandem.mentoring.match;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MentorshipRequestRepository extends JpaRepository<MentorshipRequest, UUID> {

    List<MentorshipRequest> findByProgramIdAndStatus(UUID programId, RequestStatus status);

    List<MentorshipRequest> findByMenteeEnrollmentIdAndStatus(UUID menteeEnrollmentId, RequestStatus status);

    @Query(
            "select r from MentorshipRequest r where (r.menteeEnrollmentId = :enrollmentId"
                    + " or r.mentorEnrollmentId = :enrollmentId) and r.status = app.tandem.mentoring.match.RequestStatus.PENDING")
    List<MentorshipRequest> findPendingOf(UUID enrollmentId);

    List<MentorshipRequest> findByMenteeEnrollmentIdInOrderByCreatedAtDesc(Collection<UUID> enrollmentIds);

    List<MentorshipRequest> findByMentorEnrollmentIdInOrderByCreatedAtDesc(Collection<UUID> enrollmentIds);

    /**
     * Pending requests that lapse between {@code now} and {@code soon} and whose mentor was not reminded yet, locked
     * for this transaction; rows another node holds are skipped.
     */
    @Query(value = """
                    select * from mentorship_requests
                    where status = 'PENDING' and reminded_at is null and expires_at > :now and expires_at <= :soon
                    order by expires_at
                    limit :max
                    for update skip locked""", nativeQuery = true)
    List<MentorshipRequest> dueForReminder(Instant now, Instant soon, int max);

    /** Pending requests that lapsed and whose mentee was not told yet, locked for this transaction (skip locked). */
    @Query(value = """
                    select * from mentorship_requests
                    where status = 'PENDING' and lapse_noticed_at is null and expires_at <= :now
                    order by expires_at
                    limit :max
                    for update skip locked""", nativeQuery = true)
    List<MentorshipRequest> lapsedUnnoticed(Instant now, int max);
}
