package app.tandem.mentoring.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member's profile as stored; one per member, written by the member. */
@Entity
@Table(name = "profiles")
class Profile {

    @Id
    @Column(name = "member_id")
    private UUID memberId;

    @Column(nullable = false, length = 150)
    private String headline;

    @Column(nullable = false, length = 4000)
    private String bio;

    @Column(nullable = false)
    private String[] skills;

    @Column(nullable = false)
    private String[] expertise;

    @Column(nullable = false, length = 2000)
    private String goals;

    @Column(nullable = false, length = 100)
    private String industry;

    @Column(nullable = false, length = 100)
    private String region;

    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Column(nullable = false)
    private String[] languages;

    @Column(name = "years_of_experience")
    private Integer yearsOfExperience;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Profile() {}

    Profile(UUID memberId, ProfileDetails details, Instant now) {
        this.memberId = memberId;
        write(details, now);
    }

    /** Takes the member's new details; {@code details} were {@link ProfileDetails#checked() checked}. */
    void write(ProfileDetails details, Instant now) {
        this.headline = details.headline();
        this.bio = details.bio();
        this.skills = details.skills().toArray(String[]::new);
        this.expertise = details.expertise().toArray(String[]::new);
        this.goals = details.goals();
        this.industry = details.industry();
        this.region = details.region();
        this.timeZone = details.timeZone();
        this.languages = details.languages().toArray(String[]::new);
        this.yearsOfExperience = details.yearsOfExperience();
        this.updatedAt = now;
    }

    ProfileDetails details() {
        return new ProfileDetails(
                headline,
                bio,
                List.of(skills),
                List.of(expertise),
                goals,
                industry,
                region,
                timeZone,
                List.of(languages),
                yearsOfExperience);
    }

    UUID memberId() {
        return memberId;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
