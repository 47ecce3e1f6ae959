package app.tandem.tenantadmin.signup;

import app.tandem.core.web.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/** A sign-up with fields that break their rules; nothing was created. Each problem names its field. */
public class InvalidSignUp extends DomainException {

    private final List<FieldProblem> problems;

    InvalidSignUp(List<FieldProblem> problems) {
        super(
                Kind.INVALID,
                "invalid-signup",
                "The sign-up has problems with: "
                        + problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "))
                        + ".");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
