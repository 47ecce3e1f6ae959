/**
 * Mentoring: programs, profiles, enrollment, the matching engine, relationships, engagement automation, surveys
 * and program reports. Filled by the mentoring issues.
 */
package app.tandem.mentoring;
