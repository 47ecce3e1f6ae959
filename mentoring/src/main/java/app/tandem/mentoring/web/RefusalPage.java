package app.tandem.mentoring.web;

import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page every mentoring page shows for a refusal outside a form (an unknown program, someone else's enrollment, a
 * closed program): the status, the refusal's message, and a way back.
 */
public final class RefusalPage {

    private RefusalPage() {}

    /** The page for {@code refused}, with a link back to {@code back} (such as {@code /programs}). */
    public static ModelAndView of(DomainException refused, HttpServletRequest request, String back) {
        var status = refused.kind().status();
        var page = new ModelAndView("mentoring/refused", status);
        page.addObject("tenant", TenantRoute.of(request).orElse(null));
        page.addObject("status", status.value());
        page.addObject("detail", refused.getMessage());
        page.addObject("back", back);
        return page;
    }
}
