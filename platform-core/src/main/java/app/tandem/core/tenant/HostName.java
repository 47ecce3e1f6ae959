package app.tandem.core.tenant;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DNS host name a tenant answers on: lowercase ASCII labels of 1 to 63 letters, digits and inner hyphens, at least
 * two of them, 253 characters at most. Ports, paths, user info, wildcards, IP addresses and internationalised names
 * that are not in their ASCII ({@code xn--}) form are refused.
 */
public record HostName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public HostName {
        validate(value);
    }

    public static HostName of(String value) {
        return new HostName(value);
    }

    /**
     * Normalises a host from an HTTP request for lookup: lowercase, no port, no trailing dot. Returns {@code null}
     * when it cannot be a host name at all.
     */
    public static String normaliseRequestHost(String host) {
        if (host == null || host.isEmpty() || host.length() > 260) {
            return null;
        }
        var lower = host.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower;
    }

    private static void validate(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("Enter a host name such as mentoring.example.org.");
        }
        if (value.length() > 253) {
            throw invalid("A host name is at most 253 characters long.");
        }
        if (!value.chars().allMatch(c -> c < 128)) {
            throw invalid("Enter the host name in its ASCII form (xn--…); it contains a non-ASCII character.");
        }
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            throw invalid("Enter the host name in lowercase: \"" + value.toLowerCase(Locale.ROOT) + "\".");
        }
        if (value.contains(":") || value.contains("/") || value.contains("@")) {
            throw invalid("Enter only the host name, without scheme, port, path or user.");
        }
        if (IPV4.matcher(value).matches()) {
            throw invalid("An IP address cannot be a tenant's host; use a domain name.");
        }
        var labels = value.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid("A host name needs at least two labels, such as mentoring.example.org.");
        }
        for (var label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("\"" + label + "\" is not a valid part of a host name: use 1 to 63 letters, digits "
                        + "and inner hyphens.");
            }
        }
    }

    private static InvalidTenantInput invalid(String message) {
        return new InvalidTenantInput("host", message);
    }

    /** Whether this host lies below {@code domain} (not the domain itself). */
    public boolean isBelow(String domain) {
        return value.endsWith("." + domain);
    }

    @Override
    public String toString() {
        return value;
    }
}
