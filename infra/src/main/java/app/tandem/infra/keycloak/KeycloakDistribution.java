package app.tandem.infra.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist} zip) that the build downloaded into the
 * local Maven repository, unpacked once into a cache directory that every later run reuses.
 *
 * <p>Unpacking goes into a temporary sibling directory that is renamed into place only when complete, so a crash or a
 * concurrent JVM can never leave (or see) a half-unpacked server at the cache path.
 */
final class KeycloakDistribution {

    /** System property that moves the cache, e.g. to a disk with more room; default {@code ~/.tandem/cache}. */
    static final String CACHE_DIR_PROPERTY = "tandem.keycloak.cache-dir";

    private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);
    private static final String VERSION_RESOURCE = "/app/tandem/infra/keycloak/keycloak.properties";
    private static final String STAGING_MARK = ".unpacking-";
    // A staging directory this old was left by a crashed unpack, not by one that is still running.
    private static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    private final Path zip;
    private final Path home;

    KeycloakDistribution(Path zip, Path home) {
        this.zip = zip;
        this.home = home;
    }

    /** The distribution whose version the root pom pins ({@code keycloak.version}), in its default places. */
    static KeycloakDistribution pinned() {
        var version = pinnedVersion();
        var zip = localMavenRepository()
                .resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", version))
                .resolve("keycloak-quarkus-dist-" + version + ".zip");
        var cache = Path.of(System.getProperty(
                CACHE_DIR_PROPERTY,
                Path.of(System.getProperty("user.home"), ".tandem", "cache").toString()));
        return new KeycloakDistribution(zip, cache.resolve("keycloak-" + version));
    }

    static String pinnedVersion() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(VERSION_RESOURCE)) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            var version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("@")) {
                throw new IllegalStateException("The Keycloak version is missing from " + VERSION_RESOURCE
                        + " (the Maven build fills it in from keycloak.version). Build infra with"
                        + " `./mvnw -pl infra install` (or let your IDE run the Maven resource filtering).");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + VERSION_RESOURCE, e);
        }
    }

    static Path localMavenRepository() {
        var configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    Path zip() {
        return zip;
    }

    /** The unpacked server's directory (the one holding {@code bin/kc.sh}), unpacking the zip on first use. */
    Path home() {
        if (!Files.isDirectory(home)) {
            unpack();
        }
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("The Keycloak server in " + home + " has no bin/kc.sh. Delete " + home
                    + " and it will be unpacked again from " + zip + ".");
        }
        return home;
    }

    private void unpack() {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Keycloak server zip is not in the local Maven repository: " + zip
                    + ". Download it with `./mvnw -pl infra dependency:resolve` (any build of the project does it"
                    + " too), then run again. If your local repository lives elsewhere, pass"
                    + " -Dmaven.repo.local=<path>.");
        }
        Path staging = null;
        try {
            var parent = home.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            removeAbandonedStaging(parent);
            staging = Files.createTempDirectory(parent, home.getFileName() + STAGING_MARK);
            log.info("Unpacking the Keycloak server from {} into {} (once)", zip, home);
            extract(staging);
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another JVM finished first; its directory is as complete as ours would have been.
                if (!Files.isDirectory(home)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not unpack the Keycloak server from " + zip + " into " + home
                            + ". If the zip is damaged, delete it and run `./mvnw -pl infra dependency:resolve`"
                            + " to download it again.",
                    e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /** Writes every entry below the zip's single top-level directory into {@code target}. */
    private void extract(Path target) throws IOException {
        var root = target.toAbsolutePath().normalize();
        int files = 0;
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                var name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top-level directory itself
                }
                var path = root.resolve(name.substring(slash + 1)).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("Zip entry " + name + " points outside the target directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path);
                    files++;
                    if (isScript(root, path)) {
                        makeExecutable(path);
                    }
                }
            }
        }
        if (files == 0) {
            throw new IOException("The zip holds no files");
        }
    }

    private static boolean isScript(Path root, Path file) {
        return file.getParent().equals(root.resolve("bin"))
                && file.getFileName().toString().endsWith(".sh");
    }

    private static void makeExecutable(Path file) throws IOException {
        var view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // Windows runs kc.bat, which needs no execute bit
        }
        var permissions = EnumSet.copyOf(view.readAttributes().permissions());
        permissions.addAll(EnumSet.of(
                PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        view.setPermissions(permissions);
    }

    private void removeAbandonedStaging(Path parent) throws IOException {
        var prefix = home.getFileName() + STAGING_MARK;
        var cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (var siblings = Files.list(parent)) {
            siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .filter(path -> olderThan(path, cutoff))
                    .forEach(KeycloakDistribution::deleteQuietly);
        }
    }

    private static boolean olderThan(Path path, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}; delete it by hand", directory, e);
        }
    }
}
