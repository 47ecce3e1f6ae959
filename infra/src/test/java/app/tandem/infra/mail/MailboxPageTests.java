package app.tandem.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxPageTests {

    @Test
    void escapesTheTextAndTurnsItsUrlsIntoLinksWithoutTheSentencesPunctuation() {
        var html = MailboxPage.linkify("Go to <https://acme.localhost/a?b=1&c=\"2\"> or (http://x.localhost/y).");

        assertThat(html)
                .isEqualTo(
                        "Go to &lt;<a href=\"https://acme.localhost/a?b=1&amp;c=\">https://acme.localhost/a?b=1&amp;c="
                                + "</a>&quot;2&quot;&gt; or (<a href=\"http://x.localhost/y\">http://x.localhost/y</a>).");
    }

    @Test
    void leavesTextWithoutLinksEscapedOnly() {
        assertThat(MailboxPage.linkify("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void findsTheLinksOfAMessage() {
        var mail = new ReceivedMail(
                null,
                java.time.Instant.now(),
                "",
                "ann@acme.example",
                "Hi",
                "Open https://a.localhost/x, then https://b.localhost/y.",
                null);

        assertThat(mail.links()).containsExactly("https://a.localhost/x", "https://b.localhost/y");
        assertThat(mail.isTo("ANN@acme.example")).isTrue();
    }
}
