package app.tandem.identity.keycloak;

import app.tandem.core.routing.PublicAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets operators' logins return to the platform site: its address is registered on the web client once the server
 * knows its port (tenant addresses are registered by their provisioning). A Keycloak that is down only delays this to
 * the next start; the rest of the platform starts anyway.
 */
@Component
class ApexAddressRegistration {

    private static final Logger log = LoggerFactory.getLogger(ApexAddressRegistration.class);

    private final KeycloakIdentityDirectory directory;
    private final PublicAddresses addresses;

    ApexAddressRegistration(KeycloakIdentityDirectory directory, PublicAddresses addresses) {
        this.directory = directory;
        this.addresses = addresses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        var apex = addresses.apexBaseUrl();
        try {
            directory.registerAddress(apex);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not register {} with Keycloak; operator login there fails until it is: {}",
                    apex,
                    e.getMessage());
        }
    }
}
