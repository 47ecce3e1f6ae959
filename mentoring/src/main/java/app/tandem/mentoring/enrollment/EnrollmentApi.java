package app.tandem.mentoring.enrollment;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.mentoring.enrollment.Enrollments.Enroll;
import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrollments: members enroll themselves, read and change their own, pause, resume and withdraw; coordinators list a
 * program's participants and pause, resume or withdraw anyone's. Another member's enrollment answers 404.
 */
@RestController
@OnTenantHost
@RequestMapping("/api/v1")
class EnrollmentApi {

    private final Enrollments enrollments;

    EnrollmentApi(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    /** An answer as sent: {@code options} for choice questions (ranked: first choice first), or a number, or text. */
    record AnswerBody(List<String> options, Double number, String text) {

        Answer answer() {
            var chosen = options == null
                    ? List.<String>of()
                    : options.stream().filter(Objects::nonNull).toList();
            return new Answer(chosen, number, text);
        }

        static Map<UUID, Answer> answers(Map<UUID, AnswerBody> bodies) {
            if (bodies == null) {
                return null;
            }
            var answers = new LinkedHashMap<UUID, Answer>();
            bodies.forEach((question, body) -> answers.put(question, body == null ? null : body.answer()));
            return answers;
        }
    }

    /** What enrolling takes: the role, the answers by question id, and for mentors an optional capacity. */
    record EnrollBody(Role role, Integer capacity, Map<UUID, AnswerBody> answers) {}

    /** A change of an enrollment: all answers (when given) and the capacity (when given, mentors only). */
    record UpdateBody(Map<UUID, AnswerBody> answers, Integer capacity) {}

    /** An enrollment as the API shows it; answers by question id. */
    record EnrollmentView(
            UUID id,
            UUID programId,
            UUID memberId,
            Role role,
            EnrollmentStatus status,
            Integer capacity,
            Map<UUID, Answer> answers,
            Instant createdAt,
            Instant updatedAt,
            Instant withdrawnAt) {

        static EnrollmentView of(Enrollment enrollment) {
            return new EnrollmentView(
                    enrollment.id(),
                    enrollment.programId(),
                    enrollment.memberId(),
                    enrollment.role(),
                    enrollment.status(),
                    enrollment.capacity(),
                    enrollment.answers(),
                    enrollment.createdAt(),
                    enrollment.updatedAt(),
                    enrollment.withdrawnAt());
        }
    }

    /** A participant of a program as coordinators see them: the enrollment with the member's name and email. */
    record ParticipantView(String displayName, String email, EnrollmentView enrollment) {

        static ParticipantView of(ProgramParticipant participant) {
            return new ParticipantView(
                    participant.displayName(), participant.email(), EnrollmentView.of(participant.enrollment()));
        }
    }

    /**
     * Enrolls the signed-in member in the program as MENTOR or MENTEE. 409 when the program is not open or the member
     * takes part in that role already; 400 naming each wrong answer (by question id) or the capacity.
     */
    @PostMapping("/programs/{programId}/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    EnrollmentView enroll(@PathVariable UUID programId, @RequestBody EnrollBody body) {
        var enroll = body == null
                ? new Enroll(null, null, Map.of())
                : new Enroll(body.role(), body.capacity(), AnswerBody.answers(body.answers()));
        return EnrollmentView.of(enrollments.enroll(programId, enroll));
    }

    /** A program's participants, for coordinators; {@code role} and {@code status} filter. */
    @GetMapping("/programs/{programId}/enrollments")
    List<ParticipantView> participants(
            @PathVariable UUID programId,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) EnrollmentStatus status) {
        return enrollments.participants(programId, role, status).stream()
                .map(ParticipantView::of)
                .toList();
    }

    /** The signed-in member's enrollments, withdrawn ones included, newest first. */
    @GetMapping("/me/enrollments")
    List<EnrollmentView> mine() {
        return enrollments.mine().stream().map(EnrollmentView::of).toList();
    }

    /** One enrollment: the member's own, or anyone's for coordinators. */
    @GetMapping("/enrollments/{id}")
    EnrollmentView get(@PathVariable UUID id) {
        return EnrollmentView.of(enrollments.get(id));
    }

    /**
     * Changes the signed-in member's answers (all of them, when given) and capacity (when given); both are checked
     * before either is written.
     */
    @PutMapping("/enrollments/{id}")
    EnrollmentView update(@PathVariable UUID id, @RequestBody UpdateBody body) {
        if (body == null) {
            return EnrollmentView.of(enrollments.get(id));
        }
        return EnrollmentView.of(enrollments.update(id, AnswerBody.answers(body.answers()), body.capacity()));
    }

    /** Pauses an active enrollment (no new matches until it resumes). */
    @PostMapping("/enrollments/{id}/pause")
    EnrollmentView pause(@PathVariable UUID id) {
        return EnrollmentView.of(enrollments.pause(id));
    }

    /** Resumes a paused enrollment. */
    @PostMapping("/enrollments/{id}/resume")
    EnrollmentView resume(@PathVariable UUID id) {
        return EnrollmentView.of(enrollments.resume(id));
    }

    /** Withdraws an enrollment for good; pending requests and drafts on it are closed. */
    @PostMapping("/enrollments/{id}/withdraw")
    EnrollmentView withdraw(@PathVariable UUID id) {
        return EnrollmentView.of(enrollments.withdraw(id));
    }
}
