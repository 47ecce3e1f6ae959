package app.tandem.core.tenant;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address of a tenant, the {@code acme} in {@code acme.tandem.example}: 3 to 40 characters of {@code a-z} and
 * {@code 0-9} with single hyphens inside, and not one of the words the platform keeps for itself. Input is never
 * normalised: {@code Acme} or a look-alike letter from another script is refused, not quietly turned into something
 * else.
 */
public record TenantSlug(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Names that belong to the platform, its infrastructure or common service hosts. */
    public static final Set<String> RESERVED = Set.of(
            "www",
            "api",
            "app",
            "apps",
            "admin",
            "administrator",
            "platform",
            "mail",
            "email",
            "smtp",
            "imap",
            "pop",
            "auth",
            "login",
            "logout",
            "sso",
            "oauth",
            "keycloak",
            "id",
            "identity",
            "account",
            "accounts",
            "status",
            "health",
            "metrics",
            "static",
            "assets",
            "cdn",
            "media",
            "files",
            "docs",
            "help",
            "support",
            "blog",
            "billing",
            "pay",
            "payments",
            "stripe",
            "signup",
            "register",
            "dashboard",
            "console",
            "operator",
            "operators",
            "root",
            "system",
            "internal",
            "dev",
            "test",
            "staging",
            "demo-admin",
            "tandem",
            "localhost",
            "ftp",
            "ns1",
            "ns2",
            "dns",
            "vpn",
            "webmail",
            "autodiscover",
            "autoconfig",
            "security",
            "abuse",
            "postmaster",
            "hostmaster",
            "webmaster",
            "noreply",
            "no-reply",
            "public",
            "template",
            "null",
            "undefined");

    public TenantSlug {
        validate(value);
    }

    public static TenantSlug of(String value) {
        return new TenantSlug(value);
    }

    private static void validate(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("Choose an address for your organization.");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw invalid("The address must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long (it is "
                    + value.codePointCount(0, value.length()) + ").");
        }
        if (!value.chars().allMatch(c -> c < 128)) {
            throw invalid("The address may only use the letters a-z, the digits 0-9 and hyphens; it contains "
                    + "a character from outside that set, such as an accented or look-alike letter.");
        }
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            throw invalid("The address must be in lowercase letters: try \"" + value.toLowerCase(Locale.ROOT) + "\".");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            throw invalid("The address cannot start or end with a hyphen.");
        }
        if (value.contains("--")) {
            throw invalid("The address cannot contain two hyphens in a row.");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw invalid("The address may only use the letters a-z, the digits 0-9 and hyphens.");
        }
        if (RESERVED.contains(value)) {
            throw invalid("The address \"" + value + "\" is reserved by the platform; please choose another.");
        }
    }

    private static InvalidTenantInput invalid(String message) {
        return new InvalidTenantInput("slug", message);
    }

    @Override
    public String toString() {
        return value;
    }
}
