package app.tandem.tenantadmin.invitation;

import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.identity.OrgRole;
import app.tandem.tenantadmin.invitation.Invitations.Invite;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The org admins' invitations: invite one person, invite many from CSV (preview, then an import with a progress
 * bar), resend and revoke. Every form works without JavaScript; htmx only refreshes the progress bar in place.
 */
@Controller
@OnTenantHost
@RequestMapping("/admin/invitations")
@PreAuthorize("hasRole('ORG_ADMIN')")
class InvitationsPage {

    private final Invitations invitations;
    private final InvitationImports imports;
    private final Clock clock;

    InvitationsPage(Invitations invitations, InvitationImports imports, Clock clock) {
        this.invitations = invitations;
        this.imports = imports;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("invitations", invitations.list(page, 50));
        model.addAttribute("now", clock.instant());
        model.addAttribute("roles", OrgRole.values());
        return "tenantadmin/invitations/list";
    }

    @PostMapping
    String invite(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) OrgRole role,
            RedirectAttributes redirect) {
        try {
            var invitation = invitations.invite(new Invite(email, name, role));
            redirect.addFlashAttribute("notice", "Invitation sent to " + invitation.email() + ".");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            redirect.addFlashAttribute("email", email);
            redirect.addFlashAttribute("name", name);
        }
        return "redirect:/admin/invitations";
    }

    @PostMapping("/{id}/resend")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(
                redirect,
                () -> "A new invitation link went to " + invitations.resend(id).email() + ".");
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, () -> "The invitation of " + invitations.revoke(id).email() + " is withdrawn.");
    }

    @PostMapping("/preview")
    String preview(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String csv,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        try {
            var rows = imports.preview(text);
            model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
            model.addAttribute("rows", rows);
            model.addAttribute(
                    "good", rows.stream().filter(InvitationImports.Row::ok).count());
            model.addAttribute("bad", rows.stream().filter(row -> !row.ok()).count());
            model.addAttribute("csv", text);
            return "tenantadmin/invitations/preview";
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/admin/invitations";
        }
    }

    @PostMapping("/imports")
    String startImport(@RequestParam String csv, RedirectAttributes redirect) {
        try {
            return "redirect:/admin/invitations/imports/" + imports.start(csv).id();
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/admin/invitations";
        }
    }

    @GetMapping("/imports/{id}")
    String progress(@PathVariable UUID id, HttpServletRequest request, Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("run", imports.progress(id));
        return "tenantadmin/invitations/import";
    }

    /** Only the progress bar, for htmx to swap in every second while the import runs. */
    @GetMapping("/imports/{id}/progress")
    String progressBar(@PathVariable UUID id, Model model) {
        model.addAttribute("run", imports.progress(id));
        return "tenantadmin/invitations/import :: progress";
    }

    private String act(RedirectAttributes redirect, Change change) {
        try {
            redirect.addFlashAttribute("notice", change.apply());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/admin/invitations";
    }

    private interface Change {
        String apply();
    }
}
