package app.tandem.tenantadmin.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.tandem.core.tenant.TenantKind;
import org.junit.jupiter.api.Test;

class SignUpRequestTests {

    private static SignUpRequest valid() {
        return new SignUpRequest(
                " Northern Mentors ", "association", "northern", " Ada ", " Lovelace ", " Ada@Example.ORG ", true);
    }

    @Test
    void aValidRequestIsStrippedAndItsEmailLowercased() {
        var request = valid().valid();

        assertThat(request.organizationName()).isEqualTo("Northern Mentors");
        assertThat(request.kind()).isEqualTo(TenantKind.ASSOCIATION);
        assertThat(request.slug().value()).isEqualTo("northern");
        assertThat(request.adminName()).isEqualTo("Ada Lovelace");
        assertThat(request.email()).isEqualTo("ada@example.org");
    }

    @Test
    void anEmptyRequestNamesEveryFieldInTheOrderOfTheForm() {
        assertThat(SignUpRequest.blank().problems())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        tuple("organizationName", "organization-name-missing"),
                        tuple("kind", "kind-missing"),
                        tuple("slug", "slug"),
                        tuple("firstName", "first-name-missing"),
                        tuple("lastName", "last-name-missing"),
                        tuple("email", "email-missing"),
                        tuple("acceptTerms", "terms-not-accepted"));
        assertThatThrownBy(() -> SignUpRequest.blank().valid())
                .isInstanceOf(InvalidSignUp.class)
                .hasMessageContaining("organizationName, kind, slug");
    }

    @Test
    void theAddressKeepsTheTenantSlugRulesAndTheirWords() {
        var request = new SignUpRequest("Acme", "company", "Acme", "A", "B", "a@b.org", true);

        assertThat(request.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.args())
                        .containsExactly("The address must be in lowercase letters: try \"acme\"."));
    }

    @Test
    void namesHaveLengthLimitsAndKindsAndEmailsTheirShape() {
        var request = new SignUpRequest("A", "club", "acme", "x".repeat(101), "Smith", "a@b", null);

        assertThat(request.problems())
                .extracting(FieldProblem::code)
                .containsExactly(
                        "organization-name-length",
                        "kind-unknown",
                        "first-name-too-long",
                        "email-invalid",
                        "terms-not-accepted");
        assertThat(new SignUpRequest("A".repeat(101), "SCHOOL", "acme", "A", "B", "a@b.org", true).problems())
                .extracting(FieldProblem::code)
                .containsExactly("organization-name-length");
        assertThat(new SignUpRequest("Ok", "School", "acme", "A", "B", "a b@c.org", true).problems())
                .extracting(FieldProblem::code)
                .containsExactly("email-invalid");
    }
}
