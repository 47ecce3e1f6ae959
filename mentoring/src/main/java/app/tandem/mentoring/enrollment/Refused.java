package app.tandem.mentoring.enrollment;

import app.tandem.core.routing.TenantRoute;
import app.tandem.core.web.DomainException;
import app.tandem.mentoring.web.FieldProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/** The page that says why a request outside a form was refused (an unknown program or enrollment, a missing role). */
final class Refused {

    private Refused() {}

    static ModelAndView page(DomainException refused, HttpServletRequest request) {
        var status = FieldProblems.statusOf(refused.kind());
        var page = new ModelAndView("mentoring/enrollment/problem", status);
        page.addObject("tenant", TenantRoute.of(request).orElse(null));
        page.addObject("status", status.value());
        page.addObject("detail", refused.getMessage());
        return page;
    }
}
