package app.tandem.mentoring.match;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MatchRepository extends JpaRepository<Match, UUID> {

    List<Match> findByProgramIdAndStatusOrderByCreatedAtAsc(UUID programId, MatchStatus status);

    List<Match> findByProgramIdAndStatusIn(UUID programId, Collection<MatchStatus> statuses);

    long countByMentorEnrollmentIdAndStatus(UUID mentorEnrollmentId, MatchStatus status);

    List<Match> findByMenteeEnrollmentIdAndStatus(UUID menteeEnrollmentId, MatchStatus status);

    List<Match> findByMentorEnrollmentIdAndStatus(UUID mentorEnrollmentId, MatchStatus status);

    List<Match> findByMenteeEnrollmentIdInOrMentorEnrollmentIdIn(
            Collection<UUID> menteeEnrollmentIds, Collection<UUID> mentorEnrollmentIds);
}
