package app.tandem.bench;

import app.tandem.mentoring.matching.Answer;
import app.tandem.mentoring.matching.BulkMatching;
import app.tandem.mentoring.matching.Exclusions;
import app.tandem.mentoring.matching.GreedyMatching;
import app.tandem.mentoring.matching.Importance;
import app.tandem.mentoring.matching.PairScores;
import app.tandem.mentoring.matching.Participant;
import app.tandem.mentoring.matching.Question;
import app.tandem.mentoring.matching.QuestionKind;
import app.tandem.mentoring.matching.QuestionPair;
import app.tandem.mentoring.matching.Role;
import app.tandem.mentoring.matching.Scoring;
import app.tandem.mentoring.matching.Suggestions;
import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The matching benchmark: bulk auto-match of 1,000 mentors (1 to 3 free places) and 3,000 mentees on 8 weighted
 * questions, scoring included, against the same instance through OR-Tools' min-cost flow (scoring and graph building
 * included), the greedy baseline's share of the optimum, and suggestions for one mentee among 5,000 mentors. No
 * application, no database: the engine is plain Java. Instances come from a fixed seed.
 */
final class MatchingBenchmark {

    static final int MENTORS = 1000;
    static final int MENTEES = 3000;
    static final int SUGGEST_MENTORS = 5000;
    private static final int SOLVE_ROUNDS = 5;
    private static final int SUGGEST_ROUNDS = 200;
    private static final long SEED = 20_261_129L;

    /** The figures of one run. */
    record Result(
            double solveMsP50,
            double ortoolsMsP50,
            boolean optimal,
            double greedyTotalRatio,
            double suggestMsP50,
            double suggestPoolMs,
            double suggestProgramMsP50,
            double scoringMsP50,
            long optimalTotalPoints,
            int matched) {

        List<String> targets() {
            return List.of(
                    "optimal: " + (optimal ? "met" : "NOT met"),
                    "solve_ms_p50 <= 2000: " + (solveMsP50 <= 2000 ? "met" : "NOT met"),
                    "solve_ms_p50 <= 1.5 x ortools_ms_p50: " + (solveMsP50 <= 1.5 * ortoolsMsP50 ? "met" : "NOT met"),
                    "suggest_ms_p50 <= 20: " + (suggestMsP50 <= 20 ? "met" : "NOT met"));
        }

        String toJson() {
            var fields = new LinkedHashMap<String, String>();
            fields.put("benchmark", "\"matching\"");
            fields.put("mentors", Integer.toString(MENTORS));
            fields.put("mentees", Integer.toString(MENTEES));
            fields.put("solve_ms_p50", decimal(solveMsP50));
            fields.put("ortools_ms_p50", decimal(ortoolsMsP50));
            fields.put("optimal", Boolean.toString(optimal));
            fields.put("greedy_total_ratio", String.format(Locale.ROOT, "%.4f", greedyTotalRatio));
            fields.put("suggest_ms_p50", decimal(suggestMsP50));
            fields.put("scoring_ms_p50", decimal(scoringMsP50));
            fields.put("suggest_mentors", Integer.toString(SUGGEST_MENTORS));
            fields.put("suggest_pool_ms", decimal(suggestPoolMs));
            fields.put("suggest_program_ms_p50", decimal(suggestProgramMsP50));
            fields.put("optimal_total_points", Long.toString(optimalTotalPoints));
            fields.put("matched", Integer.toString(matched));
            fields.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
            fields.put("java", "\"" + System.getProperty("java.version") + "\"");
            return fields.entrySet().stream()
                    .map(f -> "\"" + f.getKey() + "\":" + f.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }

        private static String decimal(double value) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
    }

    Result run() {
        Loader.loadNativeLibraries();
        Random random = new Random(SEED);
        Program program = program(random, MENTORS, MENTEES);

        List<Double> solve = new ArrayList<>();
        List<Double> scoring = new ArrayList<>();
        List<Double> orTools = new ArrayList<>();
        long optimalTotal = 0;
        long referenceTotal = 0;
        int matched = 0;
        PairScores lastScores = null;
        // The first round of each warms the JIT up and is not counted.
        for (int round = 0; round <= SOLVE_ROUNDS; round++) {
            long started = System.nanoTime();
            PairScores scores = PairScores.of(program.scoring, program.mentors, program.mentees);
            double scoreMs = Samples.millisSince(started);
            var result = new BulkMatching().match(scores);
            double ms = Samples.millisSince(started);
            optimalTotal = result.totalPoints();
            matched = result.matches().size();
            lastScores = scores;

            started = System.nanoTime();
            referenceTotal = orTools(PairScores.of(program.scoring, program.mentors, program.mentees));
            double orMs = Samples.millisSince(started);
            Progress.say("round %d: bulk match %.0f ms (scoring %.0f ms), OR-Tools %.0f ms", round, ms, scoreMs, orMs);
            if (round > 0) {
                solve.add(ms);
                scoring.add(scoreMs);
                orTools.add(orMs);
            }
        }
        long greedyTotal = new GreedyMatching().match(lastScores).totalPoints();

        // What the suggestions page does per view: every unmatched mentee's list at once, so that no mentor is
        // featured beyond their free places (top 5 for each of the 3,000 mentees among the 1,000 mentors).
        List<Double> suggestProgram = new ArrayList<>();
        for (int round = 0; round <= SOLVE_ROUNDS; round++) {
            long started = System.nanoTime();
            var lists = new Suggestions(program.scoring, program.mentors).forMentees(program.mentees, 5);
            double ms = Samples.millisSince(started);
            if (lists.isEmpty()) {
                throw new BenchmarkFailure("No suggestions for the program's mentees");
            }
            Progress.say("round %d: suggestions for the whole program %.0f ms", round, ms);
            if (round > 0) {
                suggestProgram.add(ms);
            }
        }

        Program many = program(random, SUGGEST_MENTORS, SUGGEST_ROUNDS * 2);
        long started = System.nanoTime();
        Suggestions suggestions = new Suggestions(many.scoring, many.mentors);
        double poolMs = Samples.millisSince(started);
        List<Double> suggest = new ArrayList<>();
        for (int i = 0; i < many.mentees.size(); i++) {
            started = System.nanoTime();
            var top = suggestions.forMentee(many.mentees.get(i), 10);
            double ms = Samples.millisSince(started);
            if (top.isEmpty()) {
                throw new BenchmarkFailure("No suggestions for a mentee");
            }
            // The first half warms the JIT up.
            if (i >= SUGGEST_ROUNDS) {
                suggest.add(ms);
            }
        }
        return new Result(
                Samples.median(solve),
                Samples.median(orTools),
                optimalTotal == referenceTotal,
                (double) greedyTotal / optimalTotal,
                Samples.median(suggest),
                poolMs,
                Samples.median(suggestProgram),
                Samples.median(scoring),
                optimalTotal,
                matched);
    }

    /** The maximum total points through OR-Tools, with the engine's objective: points first, then matches. */
    static long orTools(PairScores scores) {
        int mentees = scores.mentees().size();
        int mentors = scores.mentors().size();
        long k = mentees + 1L;
        int source = 0;
        int sink = 1 + mentees + mentors;
        MinCostFlow flow = new MinCostFlow();
        for (int e = 0; e < mentees; e++) {
            flow.addArcWithCapacityAndUnitCost(source, 1 + e, 1, 0);
            flow.addArcWithCapacityAndUnitCost(1 + e, sink, 1, 0);
            for (int m = 0; m < mentors; m++) {
                int points = scores.points(e, m);
                if (points != PairScores.FILTERED) {
                    flow.addArcWithCapacityAndUnitCost(1 + e, 1 + mentees + m, 1, -(points * k + 1));
                }
            }
        }
        for (int m = 0; m < mentors; m++) {
            flow.addArcWithCapacityAndUnitCost(
                    1 + mentees + m, sink, scores.mentors().get(m).freePlaces(), 0);
        }
        flow.setNodeSupply(source, mentees);
        flow.setNodeSupply(sink, -mentees);
        if (flow.solve() != MinCostFlowBase.Status.OPTIMAL) {
            throw new BenchmarkFailure("OR-Tools found no optimum");
        }
        return -flow.getOptimalCost() / k;
    }

    private record Program(Scoring scoring, List<Participant> mentors, List<Participant> mentees) {}

    private static final String[][] OPTIONS = {
        {"en", "de", "fr", "es", "it", "pt", "nl", "pl"},
        {"java", "sql", "leadership", "ux", "ops", "sales", "finance", "data", "security", "product"},
        {"emea", "amer", "apac"},
        {"career", "craft", "health", "money", "people", "strategy"},
        {"tech", "retail", "health", "public", "energy", "media"},
        {"morning", "afternoon", "evening", "weekend"},
    };

    /** 8 weighted question pairs of every scored kind; mentors with 1 to 3 free places. */
    private static Program program(Random random, int mentorCount, int menteeCount) {
        QuestionKind[] kinds = {
            QuestionKind.MULTI_CHOICE,
            QuestionKind.MULTI_CHOICE,
            QuestionKind.SINGLE_CHOICE,
            QuestionKind.RANKED_CHOICE,
            QuestionKind.SINGLE_CHOICE,
            QuestionKind.MULTI_CHOICE,
            QuestionKind.NUMBER,
            QuestionKind.NUMBER
        };
        Importance[] importance = {
            Importance.VERY, Importance.VERY, Importance.MODERATE, Importance.VERY,
            Importance.SOMEWHAT, Importance.MODERATE, Importance.MODERATE, Importance.SOMEWHAT
        };
        List<QuestionPair> pairs = new ArrayList<>();
        for (int q = 0; q < kinds.length; q++) {
            pairs.add(new QuestionPair(
                    new Question("mentor-" + q, Role.MENTOR, kinds[q]),
                    new Question("mentee-" + q, Role.MENTEE, kinds[q]),
                    importance[q],
                    q == 6 ? 20 : 12));
        }
        List<Participant> mentors = new ArrayList<>();
        for (int i = 0; i < mentorCount; i++) {
            mentors.add(
                    Participant.mentor("r" + i, "pr" + i, 1 + random.nextInt(3), answers(random, "mentor-", kinds)));
        }
        List<Participant> mentees = new ArrayList<>();
        for (int i = 0; i < menteeCount; i++) {
            mentees.add(Participant.mentee("e" + i, "pe" + i, answers(random, "mentee-", kinds)));
        }
        return new Program(new Scoring(pairs, Exclusions.NONE), mentors, mentees);
    }

    private static Map<String, Answer> answers(Random random, String prefix, QuestionKind[] kinds) {
        Map<String, Answer> answers = new HashMap<>();
        for (int q = 0; q < kinds.length; q++) {
            Answer answer = switch (kinds[q]) {
                case NUMBER -> Answer.number(random.nextInt(q == 6 ? 40 : 24));
                case SINGLE_CHOICE -> Answer.choices(pick(random, OPTIONS[Math.min(q, OPTIONS.length - 1)], 1));
                default ->
                    Answer.choices(pick(random, OPTIONS[Math.min(q, OPTIONS.length - 1)], 1 + random.nextInt(3)));
            };
            answers.put(prefix + q, answer);
        }
        return answers;
    }

    private static List<String> pick(Random random, String[] options, int count) {
        List<String> all = new ArrayList<>(List.of(options));
        Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, count));
    }
}
