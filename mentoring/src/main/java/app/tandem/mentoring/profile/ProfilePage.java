package app.tandem.mentoring.profile;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in member's profile form; tags and languages are typed comma-separated. */
@Controller
@OnTenantHost
@RequestMapping("/profile")
@PreAuthorize("isAuthenticated()")
class ProfilePage {

    private final Profiles profiles;

    ProfilePage(Profiles profiles) {
        this.profiles = profiles;
    }

    /** The form's fields as typed, so that a refused form comes back as it was sent. */
    public record ProfileForm(
            String headline,
            String bio,
            String skills,
            String expertise,
            String goals,
            String industry,
            String region,
            String timeZone,
            String languages,
            String yearsOfExperience) {

        static ProfileForm of(ProfileDetails details) {
            return new ProfileForm(
                    details.headline(),
                    details.bio(),
                    String.join(", ", details.skills()),
                    String.join(", ", details.expertise()),
                    details.goals(),
                    details.industry(),
                    details.region(),
                    details.timeZone() == null ? "" : details.timeZone(),
                    String.join(", ", details.languageNames()),
                    details.yearsOfExperience() == null
                            ? ""
                            : details.yearsOfExperience().toString());
        }
    }

    @GetMapping
    String show(HttpServletRequest request, Model model) {
        var mine = profiles.mine();
        return page(request, model, mine, ProfileForm.of(mine.details()), Map.of());
    }

    @PostMapping
    String save(
            @RequestParam(defaultValue = "") String headline,
            @RequestParam(defaultValue = "") String bio,
            @RequestParam(defaultValue = "") String skills,
            @RequestParam(defaultValue = "") String expertise,
            @RequestParam(defaultValue = "") String goals,
            @RequestParam(defaultValue = "") String industry,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "") String languages,
            @RequestParam(defaultValue = "") String yearsOfExperience,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var form = new ProfileForm(
                headline, bio, skills, expertise, goals, industry, region, timeZone, languages, yearsOfExperience);
        Integer years = null;
        if (!yearsOfExperience.isBlank()) {
            try {
                years = Integer.valueOf(yearsOfExperience.strip());
            } catch (NumberFormatException e) {
                response.setStatus(400);
                return page(
                        request,
                        model,
                        profiles.mine(),
                        form,
                        Map.of("yearsOfExperience", "Write the years of experience as a whole number, 0 to 70."));
            }
        }
        try {
            profiles.updateMine(new ProfileDetails(
                    headline,
                    bio,
                    ProfileDetails.tags(skills),
                    ProfileDetails.tags(expertise),
                    goals,
                    industry,
                    region,
                    timeZone,
                    ProfileDetails.tags(languages),
                    years));
        } catch (ProfileRefused refused) {
            response.setStatus(400);
            return page(request, model, profiles.mine(), form, refused.fieldErrors());
        }
        redirect.addFlashAttribute("notice", "mentoring.profile.saved");
        return "redirect:/profile";
    }

    private String page(
            HttpServletRequest request, Model model, MemberProfile mine, ProfileForm form, Map<String, String> errors) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("profile", mine);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        return "mentoring/profile/edit";
    }
}
