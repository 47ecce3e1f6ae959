package app.tandem.mentoring.match;

import app.tandem.identity.member.MemberView;
import app.tandem.identity.member.Members;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.program.ProgramRepository;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who the people of a batch of requests or matches across programs are, and what their programs are called: one query
 * for the enrollments, one for the members, one for the programs, however long the batch (inbox, my matches, the
 * reminder job). Within one program, {@link ProgramSnapshot} knows all of this already.
 */
@Component
class Directory {

    private final EnrollmentRepository enrollments;
    private final ProgramRepository programs;
    private final Members members;

    Directory(EnrollmentRepository enrollments, ProgramRepository programs, Members members) {
        this.enrollments = enrollments;
        this.programs = programs;
        this.members = members;
    }

    /** The people and programs of these requests. */
    Entries ofRequests(Collection<MentorshipRequest> requests) {
        var enrollmentIds = new HashSet<UUID>();
        var programIds = new HashSet<UUID>();
        for (var request : requests) {
            enrollmentIds.add(request.mentorEnrollmentId());
            enrollmentIds.add(request.menteeEnrollmentId());
            programIds.add(request.programId());
        }
        return of(enrollmentIds, programIds);
    }

    /** The people and programs of these matches. */
    Entries ofMatches(Collection<Match> matches) {
        var enrollmentIds = new HashSet<UUID>();
        var programIds = new HashSet<UUID>();
        for (var match : matches) {
            enrollmentIds.add(match.mentorEnrollmentId());
            enrollmentIds.add(match.menteeEnrollmentId());
            programIds.add(match.programId());
        }
        return of(enrollmentIds, programIds);
    }

    private Entries of(Collection<UUID> enrollmentIds, Collection<UUID> programIds) {
        var byId = new HashMap<UUID, Enrollment>();
        enrollments.findAllById(enrollmentIds).forEach(e -> byId.put(e.id(), e));
        var people =
                members.byIds(byId.values().stream().map(Enrollment::memberId).toList());
        var programNames = new HashMap<UUID, String>();
        programs.findAllById(programIds).forEach(p -> programNames.put(p.id(), p.name()));
        return new Entries(byId, people, programNames);
    }

    /** The looked-up batch. */
    record Entries(Map<UUID, Enrollment> enrollments, Map<UUID, MemberView> members, Map<UUID, String> programNames) {

        /** The member behind an enrollment, or null when either is gone. */
        MemberView member(UUID enrollmentId) {
            var enrollment = enrollments.get(enrollmentId);
            return enrollment == null ? null : members.get(enrollment.memberId());
        }

        String name(UUID enrollmentId) {
            if (!enrollments.containsKey(enrollmentId)) {
                return "someone who left";
            }
            var member = member(enrollmentId);
            return member == null ? "a former member" : member.displayName();
        }

        String programName(UUID programId) {
            return programNames.getOrDefault(programId, "a program");
        }
    }
}
