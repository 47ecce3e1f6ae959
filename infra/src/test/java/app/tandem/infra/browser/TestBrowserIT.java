package app.tandem.infra.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The machine's Chromium against a tiny HTTP server on the loopback address, reached by tenant-like host names. */
class TestBrowserIT {

    private static HttpServer server;
    private static TestBrowser browser;
    private static final AtomicReference<String> lastGreeting = new AtomicReference<>("none");

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> respond(exchange, 200, """
                <form method="post" action="/greetings">
                  <label>Greeting <input name="greeting" id="greeting"></label>
                  <button id="send">Send</button>
                </form>"""));
        server.createContext("/greetings", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastGreeting.set(URLDecoder.decode(body.replaceFirst("^greeting=", ""), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Location", "/echo");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
        });
        server.createContext(
                "/echo",
                exchange -> respond(exchange, 200, """
                <p>Host: %s</p>
                <p>Greeting: %s</p>
                <p>Language: %s</p>
                <p>Cookies: %s</p>""".formatted(
                                header(exchange, "Host"),
                                escape(lastGreeting.get()),
                                header(exchange, "Accept-Language"),
                                header(exchange, "Cookie"))));
        server.createContext("/remember", exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "visitor=known; Path=/");
            respond(exchange, 200, "<p>Remembered</p>");
        });
        server.start();
        browser = TestBrowser.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop(0);
    }

    @Test
    void submitsAFormOnATenantHostThatResolvesToLoopback() {
        var tenant = "http://some-tenant.localhost:" + server.getAddress().getPort();

        browser.go(tenant + "/");
        browser.fill(By.name("greeting"), "Grüezi & hello");
        browser.click(By.id("send"));
        browser.waitUntilUrlStartsWith(tenant + "/echo");

        assertThat(browser.currentUrl()).isEqualTo(tenant + "/echo");
        assertThat(lastGreeting.get()).isEqualTo("Grüezi & hello");
        assertThat(browser.page())
                .contains("Host: some-tenant.localhost:" + server.getAddress().getPort())
                .contains("Greeting: Grüezi & hello")
                .contains("Language: en-US");
    }

    @Test
    void forgetsTheCookiesOfEveryHost() {
        var port = server.getAddress().getPort();
        var first = "http://first.localhost:" + port;
        var second = "http://second.localhost:" + port;
        browser.go(first + "/remember");
        browser.go(second + "/remember");
        browser.go(first + "/echo");
        assertThat(browser.page()).contains("Cookies: visitor=known");

        browser.deleteAllCookies();

        browser.go(first + "/echo");
        assertThat(browser.page()).contains("Cookies: none");
        browser.go(second + "/echo");
        assertThat(browser.page()).contains("Cookies: none");
    }

    @Test
    void eachBrowserHasACookieJarOfItsOwn() {
        var host = "http://jar.localhost:" + server.getAddress().getPort();
        browser.go(host + "/remember");

        try (var other = TestBrowser.open()) {
            other.go(host + "/echo");

            assertThat(other.page()).contains("Cookies: none");
        }
    }

    private static String header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name))
                .map(TestBrowserIT::escape)
                .orElse("none");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        var bytes = ("<!doctype html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
