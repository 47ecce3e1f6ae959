/**
 * Matching people in a program: mentees' requests to mentors (capped, expiring, accepted within the mentor's places
 * or declined with a note), suggestions for a mentee that never feature a mentor beyond their free places, and
 * coordinators' matching — manual matches, blocked pairs, and bulk auto-match drafts from the optimal assignment,
 * reviewed and published. Every active match is made under a lock on the mentor's enrollment, so capacity holds under
 * concurrent accepts and publishes. Services: {@link app.tandem.mentoring.match.MentorshipRequests}, {@link
 * app.tandem.mentoring.match.MentorSuggestions}, {@link app.tandem.mentoring.match.Matches}, {@link
 * app.tandem.mentoring.match.AutoMatching}.
 */
package app.tandem.mentoring.match;
