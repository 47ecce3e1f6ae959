package app.tandem.mentoring.program;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationQuestionRepository extends JpaRepository<RegistrationQuestion, UUID> {

    List<RegistrationQuestion> findByProgramIdOrderByPositionAsc(UUID programId);

    Optional<RegistrationQuestion> findByIdAndProgramId(UUID id, UUID programId);
}
