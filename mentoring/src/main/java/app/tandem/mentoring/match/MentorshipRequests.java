package app.tandem.mentoring.match;

import app.tandem.core.context.TenantContext;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.SignedInMember;
import app.tandem.mentoring.enrollment.Enrollment;
import app.tandem.mentoring.enrollment.EnrollmentRepository;
import app.tandem.mentoring.enrollment.EnrollmentStatus;
import app.tandem.mentoring.matching.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests from mentees to mentors, in programs whose matching mode lets mentees ask: a mentee asks with a message
 * (within the program's cap of open requests, one open request per mentor), the mentor accepts — an active match,
 * within the mentor's places — or declines with a note, the mentee may withdraw. Each step emails the other person.
 */
@Service
public class MentorshipRequests {

    private final MentorshipRequestRepository requests;
    private final EnrollmentRepository enrollments;
    private final Directory directory;
    private final ProgramSnapshots snapshots;
    private final MatchMaker maker;
    private final MatchMails mails;
    private final CurrentMember currentMember;
    private final Clock clock;

    MentorshipRequests(
            MentorshipRequestRepository requests,
            EnrollmentRepository enrollments,
            Directory directory,
            ProgramSnapshots snapshots,
            MatchMaker maker,
            MatchMails mails,
            CurrentMember currentMember,
            Clock clock) {
        this.requests = requests;
        this.enrollments = enrollments;
        this.directory = directory;
        this.snapshots = snapshots;
        this.maker = maker;
        this.mails = mails;
        this.currentMember = currentMember;
        this.clock = clock;
    }

    /**
     * What a mentee sends: to which mentor's enrollment, from which of their own mentee enrollments (optional: their
     * enrollment in the mentor's program), and a message of at most 2,000 characters.
     */
    public record SendRequest(UUID mentorEnrollmentId, UUID menteeEnrollmentId, String message) {}

    /** A request with the names of both people and the program, as pages and the API show it. */
    public record RequestDetails(
            MentorshipRequest request, String programName, String mentorName, String menteeName, String state) {}

    /** The signed-in member's requests: those they received as a mentor and those they sent as a mentee. */
    public record Inbox(List<RequestDetails> received, List<RequestDetails> sent) {}

    @Transactional
    @PreAuthorize("hasRole('MEMBER')")
    public RequestDetails send(SendRequest send) {
        TenantContext.require();
        var me = currentMember.require();
        if (send == null || send.mentorEnrollmentId() == null) {
            throw MatchRefused.invalid("Choose the mentor to ask.");
        }
        var message = send.message() == null ? "" : send.message().strip();
        if (message.length() > MentorshipRequest.MAX_TEXT) {
            throw MatchRefused.invalid("A message is at most " + MentorshipRequest.MAX_TEXT
                    + " characters long; yours has " + message.length() + ".");
        }
        var mentor = enrollments
                .findById(send.mentorEnrollmentId())
                .orElseThrow(() -> MatchRefused.enrollmentNotFound(send.mentorEnrollmentId()));
        var program = snapshots.program(mentor.programId());
        if (!program.matchingMode().allowsRequests()) {
            throw MatchRefused.requestsNotUsed(program.name());
        }
        var menteeId = send.menteeEnrollmentId() != null
                ? send.menteeEnrollmentId()
                : enrollments
                        .findTakingPart(program.id(), me.id(), Role.MENTEE)
                        .map(Enrollment::id)
                        .orElseThrow(() -> MatchRefused.notEnrolledAsMentee(program.name()));
        // The mentee's enrollment is locked: two requests of one mentee at once cannot both take the last slot of the
        // cap.
        var mentee = maker.lock(menteeId, null);
        if (!mentee.memberId().equals(me.id())) {
            throw MatchRefused.notYours("mentee enrollment");
        }
        if (mentee.role() != Role.MENTEE || !mentee.programId().equals(program.id())) {
            throw MatchRefused.notEnrolledAsMentee(program.name());
        }
        if (mentor.role() != Role.MENTOR) {
            throw MatchRefused.wrongRole("Requests go to mentors; this enrollment is a mentee's.");
        }
        var snapshot = snapshots.of(program);
        var now = snapshot.now;
        var mine = requests.findByMenteeEnrollmentIdAndStatus(mentee.id(), RequestStatus.PENDING);
        for (var earlier : mine) {
            if (earlier.mentorEnrollmentId().equals(mentor.id())) {
                if (earlier.open(now)) {
                    throw MatchRefused.alreadyRequested(snapshot.name(mentor.id()));
                }
                // An expired request gives way to the new one.
                earlier.cancel(now);
                requests.flush();
            }
        }
        var refusal = maker.refusal(snapshot, mentor, mentee);
        if (refusal != null) {
            throw refusal;
        }
        long open = mine.stream().filter(r -> r.open(now)).count();
        if (open >= program.pendingRequestCap()) {
            throw MatchRefused.pendingCap(program.pendingRequestCap());
        }
        var request = requests.save(new MentorshipRequest(
                program.id(), mentee.id(), mentor.id(), message, Duration.ofDays(program.requestExpiryDays()), now));
        mails.requestReceived(
                program.name(),
                snapshot.member(mentor.id()),
                snapshot.member(mentee.id()),
                message,
                request.expiresAt());
        return details(request, snapshot);
    }

    /** The mentor accepts: an active match within their places; the mentee's other open requests are cancelled. */
    @Transactional
    @PreAuthorize("hasRole('MEMBER')")
    public RequestDetails accept(UUID requestId, String note) {
        var me = currentMember.require();
        var request = find(requestId);
        var checkedNote = note(note);
        var mentor = maker.lock(request.mentorEnrollmentId(), request.programId());
        if (!mentor.memberId().equals(me.id())) {
            throw MatchRefused.notYours("request");
        }
        var mentee = maker.lock(request.menteeEnrollmentId(), request.programId());
        var snapshot = snapshots.of(request.programId());
        if (!request.open(snapshot.now)) {
            throw MatchRefused.requestClosed(request, snapshot.now);
        }
        maker.activate(snapshot, mentor, mentee, MatchOrigin.REQUEST, request.id(), me.displayName());
        request.accept(snapshot.now);
        maker.closeOtherRequests(snapshot, mentee.id());
        mails.requestAnswered(
                "request-accepted",
                snapshot.program.name(),
                snapshot.member(mentor.id()),
                snapshot.member(mentee.id()),
                checkedNote);
        return details(request, snapshot);
    }

    @Transactional
    @PreAuthorize("hasRole('MEMBER')")
    public RequestDetails decline(UUID requestId, String note) {
        var me = currentMember.require();
        var request = find(requestId);
        var checkedNote = note(note);
        var snapshot = snapshots.of(request.programId());
        if (!snapshot.enrollments.get(request.mentorEnrollmentId()).memberId().equals(me.id())) {
            throw MatchRefused.notYours("request");
        }
        request.decline(checkedNote, snapshot.now);
        mails.requestAnswered(
                "request-declined",
                snapshot.program.name(),
                snapshot.member(request.mentorEnrollmentId()),
                snapshot.member(request.menteeEnrollmentId()),
                checkedNote);
        return details(request, snapshot);
    }

    @Transactional
    @PreAuthorize("hasRole('MEMBER')")
    public RequestDetails withdraw(UUID requestId) {
        var me = currentMember.require();
        var request = find(requestId);
        var snapshot = snapshots.of(request.programId());
        if (!snapshot.enrollments.get(request.menteeEnrollmentId()).memberId().equals(me.id())) {
            throw MatchRefused.notYours("request");
        }
        request.withdraw(snapshot.now);
        mails.requestWithdrawn(
                snapshot.program.name(),
                snapshot.member(request.mentorEnrollmentId()),
                snapshot.member(request.menteeEnrollmentId()));
        return details(request, snapshot);
    }

    /** One request, for the mentee who sent it, the mentor who received it, or a coordinator. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public RequestDetails get(UUID requestId) {
        var me = currentMember.require();
        var request = find(requestId);
        var snapshot = snapshots.of(request.programId());
        if (!me.has(app.tandem.identity.OrgRole.COORDINATOR) && !involves(request, snapshot, me)) {
            throw MatchRefused.requestNotFound(requestId);
        }
        return details(request, snapshot);
    }

    /** The signed-in member's requests, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MEMBER')")
    public Inbox inbox() {
        TenantContext.require();
        var me = currentMember.require();
        var mine = enrollments.findByMemberIdAndStatusIn(me.id(), EnumSet.allOf(EnrollmentStatus.class));
        var asMentor = new ArrayList<UUID>();
        var asMentee = new ArrayList<UUID>();
        for (var enrollment : mine) {
            (enrollment.role() == Role.MENTOR ? asMentor : asMentee).add(enrollment.id());
        }
        var received = asMentor.isEmpty()
                ? List.<MentorshipRequest>of()
                : requests.findByMentorEnrollmentIdInOrderByCreatedAtDesc(asMentor);
        var sent = asMentee.isEmpty()
                ? List.<MentorshipRequest>of()
                : requests.findByMenteeEnrollmentIdInOrderByCreatedAtDesc(asMentee);
        var all = new ArrayList<MentorshipRequest>(received);
        all.addAll(sent);
        var entries = directory.ofRequests(all);
        var now = clock.instant();
        return new Inbox(
                received.stream().map(r -> details(r, entries, now)).toList(),
                sent.stream().map(r -> details(r, entries, now)).toList());
    }

    private boolean involves(MentorshipRequest request, ProgramSnapshot snapshot, SignedInMember me) {
        var mentor = snapshot.enrollments.get(request.mentorEnrollmentId());
        var mentee = snapshot.enrollments.get(request.menteeEnrollmentId());
        return (mentor != null && mentor.memberId().equals(me.id()))
                || (mentee != null && mentee.memberId().equals(me.id()));
    }

    private MentorshipRequest find(UUID requestId) {
        TenantContext.require();
        return requests.findById(requestId).orElseThrow(() -> MatchRefused.requestNotFound(requestId));
    }

    private static String note(String note) {
        var stripped = note == null ? "" : note.strip();
        if (stripped.length() > MentorshipRequest.MAX_TEXT) {
            throw MatchRefused.invalid("A note is at most " + MentorshipRequest.MAX_TEXT
                    + " characters long; yours has " + stripped.length() + ".");
        }
        return stripped;
    }

    private RequestDetails details(MentorshipRequest request, ProgramSnapshot snapshot) {
        return new RequestDetails(
                request,
                snapshot.program.name(),
                snapshot.name(request.mentorEnrollmentId()),
                snapshot.name(request.menteeEnrollmentId()),
                request.state(snapshot.now));
    }

    private static RequestDetails details(MentorshipRequest request, Directory.Entries entries, Instant now) {
        return new RequestDetails(
                request,
                entries.programName(request.programId()),
                entries.name(request.mentorEnrollmentId()),
                entries.name(request.menteeEnrollmentId()),
                request.state(now));
    }
}
