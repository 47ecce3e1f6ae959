package app.tandem.core.mail;

import app.tandem.core.context.NoTenantInScope;
import app.tandem.core.context.TenantContext;
import app.tandem.core.organization.Organizations;
import app.tandem.core.routing.PublicAddresses;
import app.tandem.core.tenant.TenantRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail from Thymeleaf templates on the classpath, for the tenant in scope and in its locale. A mail named
 * {@code tenantadmin/mail/invitation} is the text template {@code templates/tenantadmin/mail/invitation.txt}
 * (Thymeleaf TEXT mode, e.g. {@code [(${organizationName})]}) and, if it exists, the HTML template
 * {@code templates/tenantadmin/mail/invitation.html}. The first line of the text is the subject; the body follows
 * after the blank line below it. Message keys ({@code #{...}}) come from the application's message bundles.
 *
 * <p>Besides the caller's model, every template gets {@value #ORGANIZATION_NAME} (the tenant's display name) and
 * {@value #ORGANIZATION_URL} (the address browsers reach the tenant at, without a trailing slash).
 */
@Component
public class MailTemplates {

    /** Model name of the tenant's display name. */
    public static final String ORGANIZATION_NAME = "organizationName";

    /** Model name of the tenant's public base URL, e.g. {@code https://acme.tandem.example}. */
    public static final String ORGANIZATION_URL = "organizationUrl";

    private static final String PREFIX = "templates/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*");

    private final TenantRegistry registry;
    private final Organizations organizations;
    private final PublicAddresses addresses;
    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Map<String, Boolean> hasHtml = new ConcurrentHashMap<>();

    MailTemplates(
            TenantRegistry registry,
            Organizations organizations,
            PublicAddresses addresses,
            MessageSource messageSource) {
        this.registry = registry;
        this.organizations = organizations;
        this.addresses = addresses;
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt"));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html"));
        engine.setTemplateEngineMessageSource(messageSource);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern) {
        var resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix(PREFIX);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        return resolver;
    }

    /**
     * Renders the mail {@code template} for the tenant in scope.
     *
     * @param template the templates' path below {@code templates/}, without extension, e.g.
     *     {@code tenantadmin/mail/invitation}
     * @param model the template's variables; {@value #ORGANIZATION_NAME} and {@value #ORGANIZATION_URL} are added
     * @throws NoTenantInScope when no tenant is in scope
     */
    public MailContent render(String template, Map<String, ?> model) {
        if (!NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not a mail template name: " + template);
        }
        if (model.containsKey(ORGANIZATION_NAME) || model.containsKey(ORGANIZATION_URL)) {
            throw new IllegalArgumentException("The model of a mail names the organization by itself; leave out "
                    + ORGANIZATION_NAME + " and " + ORGANIZATION_URL);
        }
        var tenant = registry.require(TenantContext.require());
        var context = new Context(Locale.forLanguageTag(organizations.current().locale()));
        model.forEach(context::setVariable);
        context.setVariable(ORGANIZATION_NAME, tenant.displayName());
        context.setVariable(
                ORGANIZATION_URL,
                addresses.baseUrl(registry.subdomainHost(tenant.slug())).toString());

        var text = engine.process(template + ".txt", context).strip();
        int endOfSubject = text.indexOf('\n');
        if (endOfSubject < 0) {
            throw new IllegalStateException(
                    "Mail template " + template + ".txt must start with the subject line, then a blank line");
        }
        var html = hasHtml(template) ? engine.process(template + ".html", context) : null;
        return new MailContent(
                text.substring(0, endOfSubject).strip(),
                text.substring(endOfSubject + 1).strip() + "\n",
                html);
    }

    private boolean hasHtml(String template) {
        return hasHtml.computeIfAbsent(
                template,
                name -> new ClassPathResource(PREFIX + name + ".html", MailTemplates.class.getClassLoader()).exists());
    }
}
