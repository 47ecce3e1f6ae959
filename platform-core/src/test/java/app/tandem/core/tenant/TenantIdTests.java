package app.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantIdTests {

    @Test
    void derivesTheSchemaNameFromTheImmutableId() {
        var id = new TenantId(UUID.fromString("0b5e5f0e-8a8b-4c4c-9d9d-0123456789ab"));

        assertThat(id.schemaName()).isEqualTo("tenant_0b5e5f0e8a8b4c4c9d9d0123456789ab");
    }

    @Test
    void parsesOnlyTheCanonicalForm() {
        var id = TenantId.random();

        assertThat(TenantId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> TenantId.parse("public")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantId.parse(id.toString().toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantId.parse(id + "; drop schema x")).isInstanceOf(IllegalArgumentException.class);
    }
}
