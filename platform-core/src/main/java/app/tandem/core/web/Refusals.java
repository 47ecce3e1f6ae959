package app.tandem.core.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request that a filter refuses before any controller runs: problem details under {@code /api/}, otherwise a
 * plain page that says what happened and what to do. Texts come from the message bundles: {@code <prefix>.title},
 * {@code <prefix>.detail} (with the arguments given) and, if present, {@code <prefix>.reason}.
 */
@Component
public class Refusals {

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final JsonMapper json;

    Refusals(ITemplateEngine templates, MessageSource messages, JsonMapper json) {
        this.templates = templates;
        this.messages = messages;
        this.json = json;
    }

    /** A refusal with problem type {@code code} whose texts are the messages under {@code messagePrefix}. */
    public void send(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            String messagePrefix,
            Object... arguments)
            throws IOException {
        var locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        var title = messages.getMessage(messagePrefix + ".title", arguments, locale);
        var detail = messages.getMessage(messagePrefix + ".detail", arguments, locale);
        var reason = messages.getMessage(messagePrefix + ".reason", arguments, "", locale);
        response.setStatus(status.value());
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith("/api/")) {
            var problem = Problems.of(status, code, detail);
            var body = new LinkedHashMap<String, Object>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(body));
            return;
        }
        var model = new Context(
                locale,
                Map.of("status", status.value(), "code", code, "title", title, "detail", detail, "reason", reason));
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.process("core/refused", model, response.getWriter());
    }
}
