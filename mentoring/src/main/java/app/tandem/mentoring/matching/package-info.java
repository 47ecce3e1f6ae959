/**
 * The matching engine: scores every allowed mentor/mentee pair of a program from the paired registration questions,
 * explains each score with its reasons, suggests mentors to a mentee within their free places, and computes the bulk
 * assignment of mentees to mentors that maximises the total score under mentor capacities ({@link BulkMatching}),
 * next to a greedy baseline ({@link GreedyMatching}).
 *
 * <p>Plain Java on purpose: records and small classes with no framework, so that services wrap it and benchmarks
 * measure it alone. Start at {@link Scoring}.
 */
@NamedInterface("matching")
package app.tandem.mentoring.matching;

import org.springframework.modulith.NamedInterface;
