package app.tandem.mentoring.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Questions and participants for matching tests: small hand-made ones and seeded random programs. */
final class MatchingFixtures {

    static final Question MENTOR_LANGUAGES = new Question("mentor-languages", Role.MENTOR, QuestionKind.MULTI_CHOICE);
    static final Question MENTEE_LANGUAGES = new Question("mentee-languages", Role.MENTEE, QuestionKind.MULTI_CHOICE);
    static final Question MENTOR_SKILLS = new Question("mentor-skills", Role.MENTOR, QuestionKind.MULTI_CHOICE);
    static final Question MENTEE_GOALS = new Question("mentee-goals", Role.MENTEE, QuestionKind.MULTI_CHOICE);
    static final Question MENTOR_REGION = new Question("mentor-region", Role.MENTOR, QuestionKind.SINGLE_CHOICE);
    static final Question MENTEE_REGION = new Question("mentee-region", Role.MENTEE, QuestionKind.SINGLE_CHOICE);
    static final Question MENTOR_TOPICS = new Question("mentor-topics", Role.MENTOR, QuestionKind.RANKED_CHOICE);
    static final Question MENTEE_TOPICS = new Question("mentee-topics", Role.MENTEE, QuestionKind.RANKED_CHOICE);
    static final Question MENTOR_YEARS = new Question("mentor-years", Role.MENTOR, QuestionKind.NUMBER);
    static final Question MENTEE_YEARS = new Question("mentee-years", Role.MENTEE, QuestionKind.NUMBER);
    static final Question MENTOR_BIO = new Question("mentor-bio", Role.MENTOR, QuestionKind.TEXT);
    static final Question MENTEE_BIO = new Question("mentee-bio", Role.MENTEE, QuestionKind.TEXT);

    private MatchingFixtures() {}

    static Map<String, Answer> answers(Object... questionsAndAnswers) {
        Map<String, Answer> answers = new HashMap<>();
        for (int i = 0; i < questionsAndAnswers.length; i += 2) {
            answers.put(((Question) questionsAndAnswers[i]).id(), (Answer) questionsAndAnswers[i + 1]);
        }
        return answers;
    }

    /** A random program: questions, mentors with 1 to 3 free places, mentees, some exclusions. */
    record RandomProgram(Scoring scoring, List<Participant> mentors, List<Participant> mentees) {

        PairScores scores() {
            return PairScores.of(scoring, mentors, mentees);
        }
    }

    static RandomProgram randomProgram(long seed, int mentorCount, int menteeCount, boolean withMust) {
        Random random = new Random(seed);
        Importance[] weights = {Importance.VERY, Importance.MODERATE, Importance.SOMEWHAT};
        List<QuestionPair> pairs = List.of(
                QuestionPair.of(MENTOR_LANGUAGES, MENTEE_LANGUAGES, withMust ? Importance.MUST : Importance.VERY),
                QuestionPair.of(MENTOR_SKILLS, MENTEE_GOALS, weights[random.nextInt(3)]),
                QuestionPair.of(MENTOR_REGION, MENTEE_REGION, weights[random.nextInt(3)]),
                QuestionPair.of(MENTOR_TOPICS, MENTEE_TOPICS, weights[random.nextInt(3)]),
                new QuestionPair(MENTOR_YEARS, MENTEE_YEARS, weights[random.nextInt(3)], 10),
                QuestionPair.of(MENTOR_BIO, MENTEE_BIO, Importance.VERY));
        List<Participant> mentors = new ArrayList<>();
        for (int i = 0; i < mentorCount; i++) {
            mentors.add(Participant.mentor("r" + i, "p-r" + i, 1 + random.nextInt(3), randomAnswers(random, true)));
        }
        List<Participant> mentees = new ArrayList<>();
        for (int i = 0; i < menteeCount; i++) {
            mentees.add(Participant.mentee("e" + i, "p-e" + i, randomAnswers(random, false)));
        }
        var blocked = new java.util.HashSet<PersonPair>();
        for (int i = 0; i < mentorCount * menteeCount / 10; i++) {
            blocked.add(new PersonPair("p-r" + random.nextInt(mentorCount), "p-e" + random.nextInt(menteeCount)));
        }
        return new RandomProgram(new Scoring(pairs, new Exclusions(java.util.Set.of(), blocked)), mentors, mentees);
    }

    private static Map<String, Answer> randomAnswers(Random random, boolean mentor) {
        return answers(
                mentor ? MENTOR_LANGUAGES : MENTEE_LANGUAGES, Answer.choices(pick(random, "en", "de", "fr", "es")),
                mentor ? MENTOR_SKILLS : MENTEE_GOALS,
                        Answer.choices(pick(random, "java", "sql", "lead", "ux", "ops", "sales")),
                mentor ? MENTOR_REGION : MENTEE_REGION,
                        Answer.choices(
                                List.of(pick(random, "emea", "amer", "apac").get(0))),
                mentor ? MENTOR_TOPICS : MENTEE_TOPICS,
                        Answer.choices(pick(random, "career", "craft", "health", "money", "people")),
                mentor ? MENTOR_YEARS : MENTEE_YEARS, Answer.number(random.nextInt(30)),
                mentor ? MENTOR_BIO : MENTEE_BIO, Answer.text("hello"));
    }

    private static List<String> pick(Random random, String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        java.util.Collections.shuffle(all, random);
        return all.subList(0, 1 + random.nextInt(Math.min(3, all.size())));
    }
}
