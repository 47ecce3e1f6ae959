package app.tandem.mentoring.match;

import app.tandem.core.context.TenantJobs;
import app.tandem.identity.member.Member;
import app.tandem.identity.member.Members;
import app.tandem.mentoring.MentoringProperties;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.program.ProgramRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps requests from going silent: in every organization, reminds a mentor once when a request to them lapses within
 * {@code tandem.mentoring.reminders.lead}, and tells the mentee once when it has lapsed, so they ask someone else. Each
 * organization's due requests are claimed with {@code for update skip locked} and marked in the transaction that puts
 * the mail in the outbox: with several nodes running the job, every mail goes out exactly once.
 */
@Component
public class RequestReminders {

    private final TenantJobs jobs;
    private final MentorshipRequestRepository requests;
    private final EnrollmentRepository enrollments;
    private final ProgramRepository programs;
    private final Members members;
    private final MatchMails mails;
    private final TransactionTemplate transactions;
    private final MentoringProperties.Reminders settings;
    private final Clock clock;

    RequestReminders(
            TenantJobs jobs,
            MentorshipRequestRepository requests,
            EnrollmentRepository enrollments,
            ProgramRepository programs,
            Members members,
            MatchMails mails,
            TransactionTemplate transactions,
            MentoringProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.requests = requests;
        this.enrollments = enrollments;
        this.programs = programs;
        this.members = members;
        this.mails = mails;
        this.transactions = transactions;
        this.settings = properties.reminders();
        this.clock = clock;
    }

    /** One pass over every active organization. */
    @Scheduled(
            fixedDelayString = "${tandem.mentoring.reminders.interval:15m}",
            initialDelayString = "${tandem.mentoring.reminders.interval:15m}")
    public TenantJobs.Report run() {
        return jobs.forEachActiveTenant(
                "request-reminders",
                tenant -> transactions.executeWithoutResult(status -> {
                    var now = clock.instant();
                    var due = requests.dueForReminder(now, now.plus(settings.lead()), settings.batch());
                    var lapsed = requests.lapsedUnnoticed(now, settings.batch());
                    if (due.isEmpty() && lapsed.isEmpty()) {
                        return;
                    }
                    var people = new People(due, lapsed);
                    for (var request : due) {
                        mails.requestReminder(
                                people.program(request),
                                people.mentor(request),
                                people.mentee(request),
                                request.expiresAt());
                        request.reminded(now);
                    }
                    for (var request : lapsed) {
                        mails.requestLapsed(
                                people.program(request),
                                request.programId(),
                                people.mentor(request),
                                people.mentee(request));
                        request.lapseNoticed(now);
                    }
                }));
    }

    /** The names and addresses of everyone in a batch of requests, read with one query per kind. */
    private final class People {

        private final Map<UUID, Enrollment> enrollmentsById;
        private final Map<UUID, Member> membersById;
        private final Map<UUID, String> programNames;

        People(List<MentorshipRequest> due, List<MentorshipRequest> lapsed) {
            var all = new ArrayList<MentorshipRequest>(due);
            all.addAll(lapsed);
            var enrollmentIds = new HashSet<UUID>();
            var programIds = new HashSet<UUID>();
            for (var request : all) {
                enrollmentIds.add(request.mentorEnrollmentId());
                enrollmentIds.add(request.menteeEnrollmentId());
                programIds.add(request.programId());
            }
            enrollmentsById = new HashMap<>();
            enrollments.findAllById(enrollmentIds).forEach(e -> enrollmentsById.put(e.id(), e));
            membersById = members.byIds(
                    enrollmentsById.values().stream().map(Enrollment::memberId).toList());
            programNames = new HashMap<>();
            programs.findAllById(programIds).forEach(p -> programNames.put(p.id(), p.name()));
        }

        String program(MentorshipRequest request) {
            return programNames.get(request.programId());
        }

        Member mentor(MentorshipRequest request) {
            return membersById.get(
                    enrollmentsById.get(request.mentorEnrollmentId()).memberId());
        }

        Member mentee(MentorshipRequest request) {
            return membersById.get(
                    enrollmentsById.get(request.menteeEnrollmentId()).memberId());
        }
    }
}
