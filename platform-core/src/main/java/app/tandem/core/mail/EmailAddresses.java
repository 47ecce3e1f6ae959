package app.tandem.core.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The one rule for what counts as an email address anywhere in Tandem (sign-up, members, invitations, the outbox), so
 * that an address one feature accepts is never refused by another later: a bare {@code local@domain} as RFC 822 parses
 * it strictly, no display name, a domain with a dot, at most {@value #MAX_LENGTH} characters.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 320;

    private EmailAddresses() {}

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        int at = value.indexOf('@');
        if (at <= 0 || value.indexOf('.', at) < 0 || value.endsWith(".")) {
            return false;
        }
        try {
            var address = new InternetAddress(value, true);
            address.validate();
            return address.getPersonal() == null && value.equals(address.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }
}
