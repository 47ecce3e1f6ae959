package app.tandem.tenantadmin.signup;

import app.tandem.core.mail.EmailAddresses;
import app.tandem.core.tenant.InvalidTenantInput;
import app.tandem.core.tenant.TenantKind;
import app.tandem.core.tenant.TenantSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person types to sign up an organization, as the form and the API send it: text, not yet trusted. {@link
 * #problems()} lists every field that breaks its rules; {@link #valid()} gives the checked request.
 *
 * @param organizationName the organization's name, 2 to 100 characters
 * @param kind {@code ASSOCIATION}, {@code SCHOOL} or {@code COMPANY} (any case)
 * @param slug the address, {@code acme} in {@code acme.tandem.example}, under {@link TenantSlug}'s rules
 * @param firstName the first admin's first name
 * @param lastName the first admin's last name
 * @param email the first admin's email address, where the invitation goes
 * @param acceptTerms whether the terms of use were accepted; they must be
 */
public record SignUpRequest(
        String organizationName,
        String kind,
        String slug,
        String firstName,
        String lastName,
        String email,
        Boolean acceptTerms) {

    static final int NAME_MIN = 2;
    static final int NAME_MAX = 100;
    static final int PERSON_NAME_MAX = 100;
    static final int EMAIL_MAX = 254;

    /** A request whose every field keeps its rules (the address may still be taken). */
    record Valid(
            String organizationName,
            TenantKind kind,
            TenantSlug slug,
            String firstName,
            String lastName,
            String email) {

        String adminName() {
            return firstName + " " + lastName;
        }
    }

    /** An empty form. */
    static SignUpRequest blank() {
        return new SignUpRequest(null, null, null, null, null, null, null);
    }

    /** Every rule the fields break, in the order of the form; empty when the request is valid. */
    List<FieldProblem> problems() {
        var problems = new ArrayList<FieldProblem>();
        var name = strip(organizationName);
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("organizationName", "organization-name-missing"));
        } else if (name.codePointCount(0, name.length()) < NAME_MIN
                || name.codePointCount(0, name.length()) > NAME_MAX) {
            problems.add(FieldProblem.of("organizationName", "organization-name-length", NAME_MIN, NAME_MAX));
        }
        if (strip(kind).isEmpty()) {
            problems.add(FieldProblem.of("kind", "kind-missing"));
        } else if (tenantKind() == null) {
            problems.add(FieldProblem.of("kind", "kind-unknown", strip(kind)));
        }
        slugProblem().ifPresent(problems::add);
        personName("firstName", "first-name", firstName).forEach(problems::add);
        personName("lastName", "last-name", lastName).forEach(problems::add);
        var address = strip(email);
        if (address.isEmpty()) {
            problems.add(FieldProblem.of("email", "email-missing"));
        } else if (address.length() > EMAIL_MAX || !EmailAddresses.isValid(address)) {
            problems.add(FieldProblem.of("email", "email-invalid", address));
        }
        if (!Boolean.TRUE.equals(acceptTerms)) {
            problems.add(FieldProblem.of("acceptTerms", "terms-not-accepted"));
        }
        return problems;
    }

    /** The checked request. */
    Valid valid() {
        var problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSignUp(problems);
        }
        return new Valid(
                strip(organizationName),
                tenantKind(),
                TenantSlug.of(slug),
                strip(firstName),
                strip(lastName),
                strip(email).toLowerCase(Locale.ROOT));
    }

    /** Why the address breaks {@link TenantSlug}'s rules, in its own words, if it does. */
    Optional<FieldProblem> slugProblem() {
        try {
            TenantSlug.of(slug);
            return Optional.empty();
        } catch (InvalidTenantInput e) {
            return Optional.of(FieldProblem.of("slug", "slug", e.getMessage()));
        }
    }

    private TenantKind tenantKind() {
        try {
            return TenantKind.valueOf(strip(kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<FieldProblem> personName(String field, String code, String value) {
        var name = strip(value);
        if (name.isEmpty()) {
            return List.of(FieldProblem.of(field, code + "-missing"));
        }
        if (name.codePointCount(0, name.length()) > PERSON_NAME_MAX) {
            return List.of(FieldProblem.of(field, code + "-too-long", PERSON_NAME_MAX));
        }
        return List.of();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
