/**
 * Profiles: one per member of the organization — headline, bio, skills and expertise tags, goals, industry, region,
 * time zone, languages and years of experience. Members write their own and read each other's; other pages show a
 * mentor's profile through the {@code mentoring/profile/card :: card(profile, member)} fragment.
 */
package app.tandem.mentoring.profile;
