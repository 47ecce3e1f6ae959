package app.tandem.site;

import app.tandem.core.routing.OnApexHost;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The platform's landing page on the apex host: what Tandem is and who it is for. */
@Controller
@OnApexHost
class PlatformSiteController {

    @GetMapping("/")
    String index() {
        return "site/index";
    }
}
