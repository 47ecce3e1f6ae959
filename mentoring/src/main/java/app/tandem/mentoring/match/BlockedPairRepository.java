package app.tandem.mentoring.match;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BlockedPairRepository extends JpaRepository<BlockedPair, UUID> {

    List<BlockedPair> findByProgramIdOrderByBlockedAtDesc(UUID programId);

    Optional<BlockedPair> findByProgramIdAndMentorMemberIdAndMenteeMemberId(
            UUID programId, UUID mentorMemberId, UUID menteeMemberId);
}
