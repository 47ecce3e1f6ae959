package app.tandem.mentoring.match;

import app.tandem.core.web.DomainException;
import java.time.Instant;
import java.util.UUID;

/** A request, match or draft cannot be made or changed; the message says why and what to do. */
public class MatchRefused extends DomainException {

    MatchRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static MatchRefused invalid(String message) {
        return new MatchRefused(Kind.INVALID, "invalid-match", message);
    }

    static MatchRefused requestNotFound(UUID id) {
        return new MatchRefused(Kind.NOT_FOUND, "request-not-found", "This organization has no request " + id + ".");
    }

    static MatchRefused matchNotFound(UUID id) {
        return new MatchRefused(Kind.NOT_FOUND, "match-not-found", "This organization has no match " + id + ".");
    }

    static MatchRefused draftNotFound(UUID id) {
        return new MatchRefused(
                Kind.NOT_FOUND,
                "draft-not-found",
                "There is no draft match " + id + ". It may have been published, removed or replaced by a newer run.");
    }

    static MatchRefused enrollmentNotFound(UUID id) {
        return new MatchRefused(Kind.NOT_FOUND, "enrollment-not-found", "This program has no enrollment " + id + ".");
    }

    static MatchRefused notEnrolledAsMentee(String programName) {
        return new MatchRefused(
                Kind.CONFLICT,
                "not-enrolled-as-mentee",
                "You are not enrolled as a mentee in " + programName + ". Enroll as a mentee first.");
    }

    static MatchRefused notYours(String what) {
        return new MatchRefused(Kind.FORBIDDEN, "not-yours", "This " + what + " is not yours.");
    }

    static MatchRefused wrongRole(String message) {
        return new MatchRefused(Kind.INVALID, "wrong-role", message);
    }

    static MatchRefused requestsNotUsed(String programName) {
        return new MatchRefused(
                Kind.CONFLICT,
                "requests-not-used",
                "In " + programName + " coordinators make the matches; mentees do not send requests.");
    }

    static MatchRefused adminMatchingNotUsed(String programName) {
        return new MatchRefused(
                Kind.CONFLICT,
                "admin-matching-not-used",
                "In " + programName + " mentees request their mentors; switch the program's matching mode to admin or"
                        + " both to match people yourself.");
    }

    static MatchRefused programNotOpen(String programName, String status) {
        return new MatchRefused(
                Kind.CONFLICT,
                "program-not-open",
                programName + " is " + status + ": people are matched only while it is enrolling or running.");
    }

    static MatchRefused noFreePlace(String mentorName) {
        return new MatchRefused(
                Kind.CONFLICT, "no-free-place", mentorName + " has no free place: all their places are taken.");
    }

    static MatchRefused notAvailable(String who, String state) {
        return new MatchRefused(
                Kind.CONFLICT, "not-available", who + " is " + state + " in this program and cannot be matched now.");
    }

    static MatchRefused pairNotAllowed(String why) {
        return new MatchRefused(Kind.CONFLICT, "pair-not-allowed", "This pair cannot be matched: " + why);
    }

    static MatchRefused alreadyMatched(String who) {
        return new MatchRefused(Kind.CONFLICT, "already-matched", who + " already has a mentor in this program.");
    }

    static MatchRefused alreadyRequested(String mentorName) {
        return new MatchRefused(
                Kind.CONFLICT,
                "already-requested",
                "You asked " + mentorName + " already; wait for their answer or withdraw that request.");
    }

    static MatchRefused pendingCap(int cap) {
        return new MatchRefused(
                Kind.CONFLICT,
                "pending-request-cap",
                "You have " + cap + " open requests, the most this program allows. Wait for answers or withdraw one"
                        + " before asking someone else.");
    }

    static MatchRefused requestClosed(MentorshipRequest request, Instant now) {
        var state = request.state(now).toLowerCase();
        return new MatchRefused(
                Kind.CONFLICT, "request-" + state, "This request is " + state + " and cannot be answered any more.");
    }

    static MatchRefused matchIs(Match match, String message) {
        return new MatchRefused(
                Kind.CONFLICT,
                "match-" + match.status().name().toLowerCase(),
                "This match is " + match.status().name().toLowerCase() + ". " + message);
    }
}
