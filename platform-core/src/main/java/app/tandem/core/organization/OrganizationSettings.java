package app.tandem.core.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The single settings row in a tenant's schema. It names its tenant, so readers can check the schema they got. */
@Entity
@Table(name = "organization_settings")
public class OrganizationSettings {

    static final short ONLY_ROW = 1;

    @Id
    private short id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "welcome_message", nullable = false, length = 500)
    private String welcomeMessage;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false, length = 16)
    private String locale;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected OrganizationSettings() {}

    OrganizationSettings(UUID tenantId, String welcomeMessage, Instant now) {
        this.id = ONLY_ROW;
        this.tenantId = tenantId;
        this.welcomeMessage = welcomeMessage;
        this.timeZone = "UTC";
        this.locale = "en";
        this.createdAt = now;
        this.updatedAt = now;
    }

    void changeWelcomeMessage(String message, Instant now) {
        if (message == null || message.isBlank()) {
            throw new InvalidOrganizationSettings("Write a welcome message; members see it on the home page.");
        }
        if (message.strip().length() > 500) {
            throw new InvalidOrganizationSettings("The welcome message is at most 500 characters long.");
        }
        this.welcomeMessage = message.strip();
        this.updatedAt = now;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String welcomeMessage() {
        return welcomeMessage;
    }

    public String timeZone() {
        return timeZone;
    }

    public String locale() {
        return locale;
    }
}
