package app.tandem.mentoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of mentoring ({@code tandem.mentoring.*}). Programs' own rules (capacity, request cap and expiry) are
 * set by each organization's coordinators, not here.
 *
 * @param reminders the job that reminds mentors of requests about to lapse and tells mentees of lapsed ones
 */
@ConfigurationProperties("tandem.mentoring")
public record MentoringProperties(@DefaultValue Reminders reminders) {

    /**
     * @param interval how often the job looks for due reminders, in every organization
     * @param lead how long before a request lapses its mentor is reminded (once)
     * @param batch how many requests one organization's turn handles at most; the rest wait for the next run
     */
    public record Reminders(
            @DefaultValue("15m") Duration interval,
            @DefaultValue("2d") Duration lead,
            @DefaultValue("200") int batch) {}
}
