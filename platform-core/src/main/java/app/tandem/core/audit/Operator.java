package app.tandem.core.audit;

/**
 * A platform operator as the operator audit records them: their subject at the identity provider and their email, or
 * {@link #SYSTEM} for the platform's own jobs. Identity's {@code CurrentOperator} names the operator of a request.
 */
public record Operator(String subject, String email) {

    public static final Operator SYSTEM = new Operator("system", null);

    /** The email when there is one, else the subject. */
    public String label() {
        return email != null ? email : subject;
    }
}
