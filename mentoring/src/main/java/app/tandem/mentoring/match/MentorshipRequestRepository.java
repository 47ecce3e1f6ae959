package app.tandem.mentoring.match;

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
}
