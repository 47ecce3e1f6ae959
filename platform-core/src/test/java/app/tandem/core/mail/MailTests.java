package app.tandem.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTests {

    @Test
    void acceptsABareAddressAndTrimsIt() {
        var mail = Mail.of("  ann@acme.example ", " Hello ", "Body");

        assertThat(mail.to()).isEqualTo("ann@acme.example");
        assertThat(mail.subject()).isEqualTo("Hello");
        assertThat(mail.html()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ann", "ann@", "@acme.example", "ann@@acme.example", "Ann <ann@acme.example>", "a b@x.example"})
    void refusesWhatIsNotABareAddress(String address) {
        assertThatThrownBy(() -> Mail.of(address, "Hello", "Body"))
                .isInstanceOf(InvalidMail.class)
                .hasMessage("Not an email address: \"" + address.strip() + "\".");
    }

    @Test
    void refusesAMissingRecipient() {
        assertThatThrownBy(() -> Mail.of(" ", "Hello", "Body"))
                .isInstanceOf(InvalidMail.class)
                .hasMessage("A mail needs a recipient address.");
    }

    @Test
    void refusesASubjectOfSeveralLinesSoNoHeaderCanBeSlippedIn() {
        assertThatThrownBy(() -> Mail.of("ann@acme.example", "Hello\r\nBcc: eve@evil.example", "Body"))
                .isInstanceOf(InvalidMail.class)
                .hasMessage("A mail's subject is one line.");
    }

    @Test
    void refusesAMailWithoutSubjectOrText() {
        assertThatThrownBy(() -> Mail.of("ann@acme.example", "", "Body")).hasMessage("A mail needs a subject.");
        assertThatThrownBy(() -> Mail.of("ann@acme.example", "Hello", "  ")).hasMessage("A mail needs a text body.");
    }

    @Test
    void aBlankHtmlBodyMeansNone() {
        assertThat(new Mail("ann@acme.example", "Hello", "Body", " ").html()).isNull();
    }

    @Test
    void renderedContentIsAddressedWithTheSameChecks() {
        var content = new MailContent("Hello", "Body\n", "<p>Body</p>");

        assertThat(content.to("ann@acme.example").html()).isEqualTo("<p>Body</p>");
        assertThatThrownBy(() -> content.to("not an address")).isInstanceOf(InvalidMail.class);
    }
}
