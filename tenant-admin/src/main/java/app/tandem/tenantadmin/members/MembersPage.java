package app.tandem.tenantadmin.members;

import app.tandem.core.audit.AuditTrail;
import app.tandem.core.routing.OnTenantHost;
import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.identity.CurrentMember;
import app.tandem.identity.OrgRole;
import app.tandem.identity.member.MemberStatus;
import app.tandem.identity.member.Members;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The members area of an organization: coordinators look members up; org admins change roles and deactivate or
 * reactivate members (the service methods check the roles too). Works without JavaScript: every change is a form that
 * comes back to the list with a message.
 */
@Controller
@OnTenantHost
@RequestMapping("/admin")
class MembersPage {

    private static final int PAGE_SIZE = 50;

    private final Members members;
    private final AuditTrail audit;
    private final CurrentMember currentMember;
    private final MessageSource messages;

    MembersPage(Members members, AuditTrail audit, CurrentMember currentMember, MessageSource messages) {
        this.members = members;
        this.audit = audit;
        this.currentMember = currentMember;
        this.messages = messages;
    }

    @GetMapping("/members")
    @PreAuthorize("hasRole('COORDINATOR')")
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) OrgRole role,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("members", members.search(q, role, status, page, PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("status", status);
        model.addAttribute("roles", OrgRole.values());
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("canEdit", currentMember.require().has(OrgRole.ORG_ADMIN));
        model.addAttribute("me", currentMember.require().id());
        return "tenantadmin/members/list";
    }

    @PostMapping("/members/{id}/role")
    String changeRole(
            @PathVariable UUID id,
            @RequestParam OrgRole role,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(request, redirect, () -> {
            var member = members.changeRole(id, role);
            return message(request, "members.changed.role", member.displayName(), label(request, role));
        });
    }

    @PostMapping("/members/{id}/deactivation")
    String deactivate(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(request, redirect, () -> {
            var member = members.deactivate(id);
            return message(request, "members.changed.deactivated", member.displayName());
        });
    }

    @PostMapping("/members/{id}/reactivation")
    String reactivate(@PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(request, redirect, () -> {
            var member = members.reactivate(id);
            return message(request, "members.changed.reactivated", member.displayName());
        });
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('ORG_ADMIN')")
    String audit(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "") String action,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("tenant", TenantRoute.of(request).orElseThrow());
        model.addAttribute("events", audit.recent(action, page, PAGE_SIZE));
        model.addAttribute("action", action);
        return "tenantadmin/members/audit";
    }

    /** A change, then back to the list with what happened, or with why nothing did (the refusal's own message). */
    private String act(HttpServletRequest request, RedirectAttributes redirect, Change change) {
        try {
            redirect.addFlashAttribute("notice", change.apply());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        var back = request.getParameter("back");
        // Only a path of this area: never a redirect to another host.
        return "redirect:" + (back != null && back.startsWith("/admin/members") ? back : "/admin/members");
    }

    private String message(HttpServletRequest request, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale(request));
    }

    private String label(HttpServletRequest request, OrgRole role) {
        return messages.getMessage("role." + role.name(), null, role.name(), locale(request));
    }

    private static Locale locale(HttpServletRequest request) {
        return request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
    }

    private interface Change {
        String apply();
    }
}
