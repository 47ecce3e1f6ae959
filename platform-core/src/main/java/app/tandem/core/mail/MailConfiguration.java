package app.tandem.core.mail;

import app.tandem.core.CoreProperties;
import app.tandem.core.context.TenantJobs;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outboxes' mail when an SMTP server is configured ({@code spring.mail.host}, which is also what makes Spring
 * Boot configure its {@link JavaMailSender}). Without one, mail is still stored and waits.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.mail.host")
class MailConfiguration {

    @Bean
    SmtpMailer smtpMailer(JavaMailSender sender, CoreProperties properties) {
        return new SmtpMailer(sender, properties.mail());
    }

    @Bean
    OutboxSender outboxSender(
            TenantJobs jobs,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Mailer mailer,
            CoreProperties properties,
            Clock clock,
            MeterRegistry meters) {
        return new OutboxSender(jobs, jdbc, transactions, mailer, properties.mail(), clock, meters);
    }
}
