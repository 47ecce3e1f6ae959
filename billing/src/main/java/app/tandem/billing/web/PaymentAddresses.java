package app.tandem.billing.web;

import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.HostName;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Where the payment provider's hosted pages send an org admin back to: the billing page on the host the admin came
 * from, saying how the checkout ended.
 */
@Component
class PaymentAddresses {

    static final String PAGE = "/admin/billing";

    private final PublicAddresses addresses;

    PaymentAddresses(PublicAddresses addresses) {
        this.addresses = addresses;
    }

    /** Where a paid checkout returns; the provider fills in the session's id. */
    URI checkoutDone(HttpServletRequest request) {
        return URI.create(page(request) + "?checkout=done&session=%7BCHECKOUT_SESSION_ID%7D");
    }

    /** Where an abandoned checkout returns. */
    URI checkoutCancelled(HttpServletRequest request) {
        return URI.create(page(request) + "?checkout=cancelled");
    }

    /** Where the portal's "return" link leads. */
    URI billingPage(HttpServletRequest request) {
        return URI.create(page(request));
    }

    private String page(HttpServletRequest request) {
        return addresses.baseUrl(HostName.of(HostName.normaliseRequestHost(request.getServerName()))) + PAGE;
    }
}
