package app.tandem.tenantadmin.signup;

import java.util.List;

/**
 * What is wrong with one field of a sign-up: the field, the message key {@code signup.error.<code>} in the bundle and
 * the key's arguments.
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }

    /** The message key in {@code i18n/tenantadmin.properties}. */
    public String messageKey() {
        return "signup.error." + code;
    }
}
