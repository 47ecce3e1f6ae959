package app.tandem.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTests {

    @TempDir
    Path directory;

    @Test
    void unpacksTheZipBelowItsTopLevelDirectoryWithExecutableScripts() throws IOException {
        var zip = zip(
                "kc.zip",
                Map.of(
                        "keycloak-1.0/bin/kc.sh", "#!/bin/sh",
                        "keycloak-1.0/bin/kc.bat", "@echo kc",
                        "keycloak-1.0/lib/quarkus-run.jar", "jar"));
        var home = directory.resolve("cache").resolve("keycloak-1.0");

        var unpacked = new KeycloakDistribution(zip, home).home();

        assertThat(unpacked).isEqualTo(home);
        assertThat(home.resolve("bin/kc.sh")).hasContent("#!/bin/sh");
        assertThat(home.resolve("lib/quarkus-run.jar")).hasContent("jar");
        assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();
        assertThat(Files.isExecutable(home.resolve("bin/kc.bat"))).isFalse();
        assertThat(Files.isExecutable(home.resolve("lib/quarkus-run.jar"))).isFalse();
        assertThat(home.getParent()).isDirectoryNotContaining(path -> !path.equals(home));
    }

    @Test
    void unpacksOnceAndThenReusesTheCachedServer() throws IOException {
        var zip = zip("kc.zip", Map.of("keycloak-1.0/bin/kc.sh", "first"));
        var home = directory.resolve("keycloak-1.0");
        new KeycloakDistribution(zip, home).home();
        // What a server writes at run time (its build, its data) must survive the next start.
        Files.writeString(home.resolve("bin/kc.sh"), "changed since");
        Files.createDirectories(home.resolve("data"));
        Files.delete(zip);

        var again = new KeycloakDistribution(zip, home).home();

        assertThat(again).isEqualTo(home);
        assertThat(home.resolve("bin/kc.sh")).hasContent("changed since");
        assertThat(home.resolve("data")).isDirectory();
    }

    @Test
    void leavesNothingAtTheCachePathWhenUnpackingFails() throws IOException {
        // Random content does not compress, so cutting the zip in half cuts into the entry itself.
        var random = new byte[30_000];
        new Random(42).nextBytes(random);
        var good = zip(
                "good.zip", Map.of("keycloak-1.0/bin/kc.sh", Base64.getEncoder().encodeToString(random)));
        var bytes = Files.readAllBytes(good);
        var truncated = Files.write(directory.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        var home = directory.resolve("cache").resolve("keycloak-1.0");

        assertThatThrownBy(() -> new KeycloakDistribution(truncated, home).home())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Could not unpack")
                .hasMessageContaining("dependency:resolve");

        assertThat(home).doesNotExist();
        assertThat(home.getParent()).isEmptyDirectory();
        assertThat(new KeycloakDistribution(good, home).home().resolve("bin/kc.sh"))
                .isRegularFile();
    }

    @Test
    void neverUsesAHalfUnpackedDirectoryLeftByACrash() throws IOException {
        var zip = zip("kc.zip", Map.of("keycloak-1.0/bin/kc.sh", "complete"));
        var cache = Files.createDirectories(directory.resolve("cache"));
        var abandoned = Files.createDirectories(
                cache.resolve("keycloak-1.0.unpacking-123").resolve("bin"));
        Files.writeString(abandoned.resolve("kc.sh"), "half");
        Files.setLastModifiedTime(
                abandoned.getParent(), FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        var home = cache.resolve("keycloak-1.0");

        new KeycloakDistribution(zip, home).home();

        assertThat(home.resolve("bin/kc.sh")).hasContent("complete");
        assertThat(abandoned.getParent()).doesNotExist();
    }

    @Test
    void refusesACachedServerWithoutItsLauncher() throws IOException {
        var home = directory.resolve("keycloak-1.0");
        Files.createDirectories(home.resolve("lib"));

        assertThatThrownBy(() -> new KeycloakDistribution(directory.resolve("kc.zip"), home).home())
                .hasMessageContaining("has no bin/kc.sh")
                .hasMessageContaining("Delete " + home);
    }

    @Test
    void tellsHowToDownloadAMissingZip() {
        var zip = directory.resolve("repository/keycloak-quarkus-dist-1.0.zip");

        assertThatThrownBy(() -> new KeycloakDistribution(zip, directory.resolve("keycloak-1.0")).home())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(zip.toString())
                .hasMessageContaining("./mvnw -pl infra dependency:resolve");
    }

    @Test
    void knowsTheVersionThatTheBuildPinned() {
        assertThat(KeycloakDistribution.pinnedVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(KeycloakDistribution.pinned().zip())
                .endsWith(Path.of("keycloak-quarkus-dist-" + KeycloakDistribution.pinnedVersion() + ".zip"));
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        var zip = directory.resolve(name);
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
