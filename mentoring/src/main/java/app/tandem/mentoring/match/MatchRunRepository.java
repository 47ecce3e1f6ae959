package app.tandem.mentoring.match;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MatchRunRepository extends JpaRepository<MatchRun, UUID> {

    Optional<MatchRun> findFirstByProgramIdOrderByStartedAtDesc(UUID programId);
}
