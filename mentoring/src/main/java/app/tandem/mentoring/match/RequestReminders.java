package app.tandem.mentoring.match;

import app.tandem.core.context.TenantJobs;
import app.tandem.mentoring.MentoringProperties;
import java.time.Clock;
import java.util.ArrayList;
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
    private final Directory directory;
    private final MatchMails mails;
    private final TransactionTemplate transactions;
    private final MentoringProperties.Reminders settings;
    private final Clock clock;

    RequestReminders(
            TenantJobs jobs,
            MentorshipRequestRepository requests,
            Directory directory,
            MatchMails mails,
            TransactionTemplate transactions,
            MentoringProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.requests = requests;
        this.directory = directory;
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
                    var all = new ArrayList<MentorshipRequest>(due);
                    all.addAll(lapsed);
                    var people = directory.ofRequests(all);
                    for (var request : due) {
                        mails.requestReminder(
                                people.programName(request.programId()),
                                people.member(request.mentorEnrollmentId()),
                                people.member(request.menteeEnrollmentId()),
                                request.expiresAt());
                        request.reminded(now);
                    }
                    for (var request : lapsed) {
                        mails.requestLapsed(
                                people.programName(request.programId()),
                                request.programId(),
                                people.member(request.mentorEnrollmentId()),
                                people.member(request.menteeEnrollmentId()));
                        request.lapseNoticed(now);
                    }
                }));
    }
}
