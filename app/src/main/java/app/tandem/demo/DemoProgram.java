package app.tandem.demo;

import app.tandem.core.context.TenantScope;
import app.tandem.core.tenant.TenantRegistry;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.Members;
import app.tandem.mentoring.ProgramSeeding;
import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.program.MatchingMode;
import app.tandem.mentoring.program.ProgramKind;
import app.tandem.mentoring.program.ProgramSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo tenant, once, with a six-month pilot program open for enrollment: its registration questions (paired
 * for matching), Maya Mentor and a cast of demo mentors and mentees who answered them, so the match board, suggestions
 * and bulk auto-match have something to show. Milo Mentee is left to enroll himself. The demo people are members
 * without a login.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("tandem.demo.enabled")
public class DemoProgram implements ApplicationRunner {

    public static final String NAME = "Mentoring pilot 2027";

    static final List<String> TOPICS = List.of(
            "Leadership",
            "Career change",
            "Public speaking",
            "Fundraising",
            "Data and analytics",
            "Software engineering",
            "Entrepreneurship",
            "Work-life balance");

    static final List<String> LANGUAGES = List.of("English", "French", "German", "Spanish");

    static final List<String> FORMATS = List.of("In person", "Online", "Either");

    private static final List<String> FIRST_NAMES = List.of(
            "Amara", "Bruno", "Chen", "Dana", "Emil", "Fatima", "Gustav", "Hana", "Ivo", "Jonas", "Keiko", "Lena",
            "Mateo", "Nora", "Omar", "Petra", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Viktor", "Wren", "Yusuf", "Zoe",
            "Aiden", "Bea", "Carlos");

    private static final List<String> LAST_NAMES =
            List.of("Okafor", "Lindqvist", "Moreau", "Schmidt", "Tanaka", "Silva", "Novak", "Haddad");

    private final TenantRegistry registry;
    private final Members members;
    private final ProgramSeeding seeding;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoProgram(
            TenantRegistry registry,
            Members members,
            ProgramSeeding seeding,
            TransactionTemplate transactions,
            Clock clock) {
        this.registry = registry;
        this.members = members;
        this.seeding = seeding;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var demo = registry.findBySlug(DemoData.DEMO_SLUG);
        if (demo.isEmpty()) {
            return;
        }
        TenantScope.run(
                demo.get().id(),
                () -> transactions.executeWithoutResult(status -> {
                    if (seeding.noProgramYet()) {
                        seed();
                    }
                }));
    }

    private void seed() {
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        var program = seeding.open(
                new ProgramSettings(
                        NAME,
                        "Six months of one-to-one mentoring for members of the association: choose a mentor from"
                                + " your suggestions, or let the coordinators match you.",
                        ProgramKind.ONE_TO_ONE,
                        null,
                        today,
                        today.plusMonths(6),
                        MatchingMode.BOTH,
                        2,
                        ProgramSettings.DEFAULT_PENDING_REQUEST_CAP,
                        ProgramSettings.DEFAULT_REQUEST_EXPIRY_DAYS),
                "Ada Admin");

        var mentorTopics =
                program.ask(Role.MENTOR, QuestionKind.MULTI_CHOICE, "Which topics can you mentor on?", TOPICS);
        var menteeTopics =
                program.ask(Role.MENTEE, QuestionKind.MULTI_CHOICE, "Which topics do you want help with?", TOPICS);
        program.pair(mentorTopics, menteeTopics, Importance.VERY, null);
        var mentorLanguages =
                program.ask(Role.MENTOR, QuestionKind.MULTI_CHOICE, "Which languages can you mentor in?", LANGUAGES);
        var menteeLanguages = program.ask(
                Role.MENTEE, QuestionKind.MULTI_CHOICE, "In which languages would you like your sessions?", LANGUAGES);
        program.pair(mentorLanguages, menteeLanguages, Importance.MUST, null);
        var mentorFormat = program.ask(Role.MENTOR, QuestionKind.SINGLE_CHOICE, "How do you prefer to meet?", FORMATS);
        var menteeFormat = program.ask(Role.MENTEE, QuestionKind.SINGLE_CHOICE, "How do you prefer to meet?", FORMATS);
        program.pair(mentorFormat, menteeFormat, Importance.MODERATE, null);
        var mentorYears = program.ask(Role.MENTOR, QuestionKind.NUMBER, "Years of experience in your field", List.of());
        var menteeYears = program.ask(
                Role.MENTEE, QuestionKind.NUMBER, "Years of experience you would like your mentor to have", List.of());
        program.pair(mentorYears, menteeYears, Importance.SOMEWHAT, 10.0);
        program.ask(Role.MENTEE, QuestionKind.TEXT, "What would make this mentoring a success for you?", List.of());

        var random = new Random(2027);
        var maya = members.findByEmail("maya@demo.localhost");
        maya.ifPresent(member -> program.enroll(
                member.id(),
                Role.MENTOR,
                2,
                Map.of(
                        mentorTopics, Answer.choices("Leadership", "Software engineering", "Career change"),
                        mentorLanguages, Answer.choices("English", "German"),
                        mentorFormat, Answer.choices("Online"),
                        mentorYears, Answer.number(15))));
        for (int i = 0; i < FIRST_NAMES.size(); i++) {
            boolean mentor = i % 3 == 0;
            var name = FIRST_NAMES.get(i) + " " + LAST_NAMES.get(i % LAST_NAMES.size());
            var email = FIRST_NAMES.get(i).toLowerCase() + "@demo.localhost";
            var member = members.findByEmail(email).orElseGet(() -> members.add(email, name, OrgRole.MEMBER));
            var answers = new HashMap<UUID, Answer>();
            answers.put(
                    mentor ? mentorTopics : menteeTopics, Answer.choices(pick(TOPICS, 1 + random.nextInt(3), random)));
            answers.put(
                    mentor ? mentorLanguages : menteeLanguages,
                    Answer.choices(pick(LANGUAGES, 1 + random.nextInt(2), random)));
            answers.put(
                    mentor ? mentorFormat : menteeFormat, Answer.choices(FORMATS.get(random.nextInt(FORMATS.size()))));
            answers.put(
                    mentor ? mentorYears : menteeYears,
                    Answer.number(mentor ? 5 + random.nextInt(25) : 3 + random.nextInt(20)));
            program.enroll(
                    member.id(), mentor ? Role.MENTOR : Role.MENTEE, mentor ? 1 + random.nextInt(3) : null, answers);
        }
    }

    private static List<String> pick(List<String> options, int count, Random random) {
        var shuffled = new ArrayList<>(options);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, count));
    }

    /** The program's registration form as it is written, question by question. */
}
