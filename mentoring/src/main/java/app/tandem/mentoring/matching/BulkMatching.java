package app.tandem.mentoring.matching;

import java.util.Arrays;

/**
 * The optimal bulk assignment: each mentee gets at most one mentor, each mentor at most their free places, only
 * allowed pairs are used, and the total score is the maximum possible. Among assignments with that maximum total it
 * takes one with the most matches, so that a mentee with an allowed score-0 mentor who has room is still matched.
 *
 * <p>A min-cost flow: source → each mentee (capacity 1) → each allowed mentor (capacity 1, cost {@code −w}) → sink
 * (capacity free places), plus an edge from each mentee straight to the sink with cost 0, "stays unmatched", so
 * that every mentee's unit flows and no score is traded for cardinality. The weight {@code w = points × K + 1} with
 * {@code K = mentees + 1} makes the objective lexicographic: total points first (a whole point outweighs any
 * number of extra matches), then the number of matches.
 *
 * <p>Solved by successive shortest paths, one mentee at a time (the Hungarian method generalised to capacities):
 * each new mentee augments along a shortest path in the residual graph, found with Dijkstra on costs reduced by
 * node potentials and stopped as soon as the sink is settled. Mentees that ended up unmatched are never revisited,
 * since they are only reachable from the sink. With {@code n} mentees and {@code m} mentors, each step is at worst
 * {@code O(n·m + (n+m) log(n+m))} (the dense pair matrix), so {@code O(n²·m)} in all; in practice a step settles
 * few mentees before it reaches the sink. All arithmetic is on {@code long}s: the optimum is exact.
 */
public final class BulkMatching {

    /** The optimal assignment of the scored mentees to the scored mentors. */
    public MatchingResult match(PairScores scores) {
        return scores.result(assign(scores));
    }

    int[] assign(PairScores scores) {
        return new Solver(scores).solve();
    }

    private static final class Solver {
        private final PairScores scores;
        private final int mentees;
        private final int mentors;
        private final long k;
        private final int[] capacity;
        private final int[] load;
        private final int[][] matchedTo;
        private final int[] mentorOf;
        // Nodes: mentees 0..n-1, mentors n..n+m-1, sink n+m.
        private final int sink;
        private final long[] potential;
        private final long[] dist;
        private final int[] parent;
        private final boolean[] settled;
        private final int[] touched;
        private int touchedCount;
        private final IndexedHeap heap;

        Solver(PairScores scores) {
            this.scores = scores;
            this.mentees = scores.mentees().size();
            this.mentors = scores.mentors().size();
            this.k = mentees + 1L;
            this.capacity =
                    scores.mentors().stream().mapToInt(Participant::freePlaces).toArray();
            this.load = new int[mentors];
            this.matchedTo = new int[mentors][];
            for (int m = 0; m < mentors; m++) {
                matchedTo[m] = new int[Math.min(capacity[m], mentees)];
            }
            this.mentorOf = new int[mentees];
            Arrays.fill(mentorOf, -1);
            this.sink = mentees + mentors;
            int nodes = sink + 1;
            this.potential = new long[nodes];
            this.dist = new long[nodes];
            Arrays.fill(dist, Long.MAX_VALUE);
            this.parent = new int[nodes];
            this.settled = new boolean[nodes];
            this.touched = new int[nodes];
            this.heap = new IndexedHeap(nodes, dist);
        }

        private long weight(int points) {
            return points * k + 1;
        }

        int[] solve() {
            for (int s = 0; s < mentees; s++) {
                addMentee(s);
            }
            return mentorOf;
        }

        private void addMentee(int s) {
            // A potential for the new mentee that keeps every reduced cost out of it non-negative.
            int[] row = scores.row(s);
            long ps = potential[sink];
            for (int m = 0; m < mentors; m++) {
                if (row[m] != PairScores.FILTERED) {
                    ps = Math.max(ps, potential[mentees + m] + weight(row[m]));
                }
            }
            potential[s] = ps;
            touchedCount = 0;
            relax(s, 0, -1);
            while (!heap.isEmpty()) {
                int u = heap.poll();
                settled[u] = true;
                if (u == sink) {
                    break;
                }
                long du = dist[u];
                if (u < mentees) {
                    int[] r = scores.row(u);
                    long pu = potential[u];
                    int current = mentorOf[u];
                    for (int m = 0; m < mentors; m++) {
                        if (r[m] != PairScores.FILTERED && m != current) {
                            int v = mentees + m;
                            if (!settled[v]) {
                                relax(v, du - weight(r[m]) + pu - potential[v], u);
                            }
                        }
                    }
                    // Staying unmatched (the new mentee) or leaving its mentor (a matched one), at no cost.
                    relax(sink, du + pu - potential[sink], u);
                } else {
                    int m = u - mentees;
                    long pu = potential[u];
                    if (load[m] < capacity[m]) {
                        relax(sink, du + pu - potential[sink], u);
                    }
                    for (int i = 0; i < load[m]; i++) {
                        int e = matchedTo[m][i];
                        if (!settled[e]) {
                            relax(e, du + weight(scores.row(e)[m]) + pu - potential[e], u);
                        }
                    }
                }
            }
            long toSink = dist[sink];
            augment(s);
            // Settled nodes gain their distance, all others the sink's: reduced costs stay non-negative.
            for (int v = 0; v <= sink; v++) {
                potential[v] += Math.min(dist[v], toSink);
            }
            for (int i = 0; i < touchedCount; i++) {
                int v = touched[i];
                dist[v] = Long.MAX_VALUE;
                settled[v] = false;
            }
            heap.clear();
        }

        private void relax(int v, long d, int from) {
            if (d < dist[v]) {
                if (dist[v] == Long.MAX_VALUE) {
                    touched[touchedCount++] = v;
                }
                dist[v] = d;
                parent[v] = from;
                heap.decreaseOrAdd(v);
            }
        }

        private void augment(int s) {
            // Every mentee on the path leaves its mentor (for the next mentor on the path, or to stay unmatched)...
            for (int v = parent[sink]; v != s; v = parent[v]) {
                if (v < mentees) {
                    unmatch(v, mentorOf[v]);
                }
            }
            // ...and every mentor on the path takes the mentee before it.
            for (int v = parent[sink]; v != s; v = parent[v]) {
                if (v >= mentees) {
                    match(parent[v], v - mentees);
                }
            }
        }

        private void match(int e, int m) {
            mentorOf[e] = m;
            matchedTo[m][load[m]++] = e;
        }

        private void unmatch(int e, int m) {
            int[] list = matchedTo[m];
            for (int i = 0; i < load[m]; i++) {
                if (list[i] == e) {
                    list[i] = list[--load[m]];
                    break;
                }
            }
            mentorOf[e] = -1;
        }
    }
}
