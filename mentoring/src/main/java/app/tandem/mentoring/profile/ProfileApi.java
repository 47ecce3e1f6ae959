package app.tandem.mentoring.profile;

import app.tandem.core.routing.OnTenantHost;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Profiles: the signed-in member's own (read and write) and any member's of the organization (read). */
@RestController
@OnTenantHost
@RequestMapping("/api/v1")
class ProfileApi {

    private final Profiles profiles;

    ProfileApi(Profiles profiles) {
        this.profiles = profiles;
    }

    /** A profile as the API shows it; languages as ISO 639-1 codes, {@code updatedAt} null if never written. */
    record ProfileView(
            UUID memberId,
            String displayName,
            String headline,
            String bio,
            List<String> skills,
            List<String> expertise,
            String goals,
            String industry,
            String region,
            String timeZone,
            List<String> languages,
            Integer yearsOfExperience,
            Instant updatedAt) {

        static ProfileView of(MemberProfile profile) {
            var details = profile.details();
            return new ProfileView(
                    profile.memberId(),
                    profile.displayName(),
                    details.headline(),
                    details.bio(),
                    details.skills(),
                    details.expertise(),
                    details.goals(),
                    details.industry(),
                    details.region(),
                    details.timeZone(),
                    details.languages(),
                    details.yearsOfExperience(),
                    profile.updatedAt());
        }
    }

    /** The signed-in member's profile. */
    @GetMapping("/me/profile")
    ProfileView mine() {
        return ProfileView.of(profiles.mine());
    }

    /**
     * Replaces the signed-in member's profile with the body (every field; missing ones become empty). Languages may be
     * ISO 639-1 codes or English names; a wrong field answers 400 naming it, and nothing changes.
     */
    @PutMapping("/me/profile")
    ProfileView update(@RequestBody ProfileDetails details) {
        return ProfileView.of(profiles.updateMine(details));
    }

    /** A member's profile; 404 for an id of no member of this organization. */
    @GetMapping("/members/{memberId}/profile")
    ProfileView of(@PathVariable UUID memberId) {
        return ProfileView.of(profiles.of(memberId));
    }
}
