package app.tandem.mentoring.match;

import app.tandem.core.mail.MailTemplates;
import app.tandem.core.mail.Outbox;
import app.tandem.identity.member.MemberView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The mail each step of a request or a match sends to the other person, through the outbox. */
@Component
class MatchMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Outbox outbox;
    private final MailTemplates templates;

    MatchMails(Outbox outbox, MailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    void requestReceived(String program, MemberView mentor, MemberView mentee, String message, Instant expires) {
        send(
                "request-received",
                mentor,
                Map.of(
                        "program", program,
                        "mentor", mentor.displayName(),
                        "mentee", mentee.displayName(),
                        "message", message.isBlank() ? "(no message)" : message,
                        "expires", DAY.format(expires.atZone(ZoneOffset.UTC))));
    }

    void requestAnswered(String template, String program, MemberView mentor, MemberView mentee, String note) {
        var model = new HashMap<String, Object>();
        model.put("program", program);
        model.put("mentor", mentor.displayName());
        model.put("mentee", mentee.displayName());
        model.put("note", note == null ? "" : note);
        send(template, mentee, model);
    }

    void requestWithdrawn(String program, MemberView mentor, MemberView mentee) {
        send(
                "request-withdrawn",
                mentor,
                Map.of("program", program, "mentor", mentor.displayName(), "mentee", mentee.displayName()));
    }

    void requestReminder(String program, MemberView mentor, MemberView mentee, Instant expires) {
        send(
                "request-reminder",
                mentor,
                Map.of(
                        "program", program,
                        "mentor", mentor.displayName(),
                        "mentee", mentee.displayName(),
                        "expires", DAY.format(expires.atZone(ZoneOffset.UTC))));
    }

    void requestLapsed(String program, UUID programId, MemberView mentor, MemberView mentee) {
        send(
                "request-lapsed",
                mentee,
                Map.of(
                        "program",
                        program,
                        "programId",
                        programId,
                        "mentor",
                        mentor.displayName(),
                        "mentee",
                        mentee.displayName()));
    }

    void requestClosed(String program, MemberView mentor, MemberView mentee) {
        send(
                "request-closed",
                mentor,
                Map.of("program", program, "mentor", mentor.displayName(), "mentee", mentee.displayName()));
    }

    /** Tells both people of a new active match. */
    void matchMade(String program, MemberView mentor, MemberView mentee, String reasons) {
        matchMade(program, mentor, mentee, "mentor", reasons);
        matchMade(program, mentee, mentor, "mentee", reasons);
    }

    private void matchMade(String program, MemberView to, MemberView other, String role, String reasons) {
        send(
                "match-made",
                to,
                Map.of(
                        "program",
                        program,
                        "name",
                        to.displayName(),
                        "other",
                        other.displayName(),
                        "otherEmail",
                        other.email(),
                        "role",
                        role,
                        "reasons",
                        reasons.isBlank() ? "chosen by your program's coordinators" : reasons));
    }

    /** Tells both people that their match has ended, and why (the sentence's end: "… has ended: {why}."). */
    void matchEnded(String program, MemberView mentor, MemberView mentee, String why) {
        for (var pair : List.of(List.of(mentor, mentee), List.of(mentee, mentor))) {
            send(
                    "match-ended",
                    pair.get(0),
                    Map.of(
                            "program",
                            program,
                            "name",
                            pair.get(0).displayName(),
                            "other",
                            pair.get(1).displayName(),
                            "why",
                            why));
        }
    }

    private void send(String template, MemberView to, Map<String, ?> model) {
        outbox.enqueue(templates.render("mentoring/mail/" + template, model).to(to.email()));
    }
}
