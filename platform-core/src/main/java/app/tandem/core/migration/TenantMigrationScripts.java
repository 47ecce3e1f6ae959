package app.tandem.core.migration;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The tenant migrations of every module, read from the classpath once and served to Flyway from memory for each of
 * the (possibly thousands of) tenant schemas it migrates.
 */
public final class TenantMigrationScripts implements ResourceProvider {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

    private final Map<String, Script> scripts;
    private final List<Script> versioned;
    private final List<Script> repeatable;

    private TenantMigrationScripts(Map<String, Script> scripts) {
        this.scripts = scripts;
        this.versioned = scripts.values().stream()
                .filter(script -> script.version() != null)
                .sorted(Comparator.comparing(Script::version))
                .toList();
        this.repeatable = scripts.values().stream()
                .filter(script -> script.version() == null)
                .sorted(Comparator.comparing(Script::filename))
                .toList();
    }

    /** Reads every {@code .sql} file in the given classpath folders (from all jars) into memory. */
    public static TenantMigrationScripts load(List<String> locations) {
        var resolver = new PathMatchingResourcePatternResolver();
        var scripts = new LinkedHashMap<String, Script>();
        try {
            for (var location : locations) {
                var folder = location.replaceFirst("^classpath\\*?:", "").replaceAll("/+$", "");
                for (var resource : resolver.getResources("classpath*:" + folder + "/*.sql")) {
                    var filename = resource.getFilename();
                    var content = resource.getContentAsString(StandardCharsets.UTF_8);
                    var script = Script.of(folder, filename, content);
                    var clash = scripts.put(filename, script);
                    if (clash != null && !clash.content().equals(content)) {
                        throw new IllegalStateException(
                                "Two tenant migrations are named " + filename + "; give one a later timestamp version");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the tenant migrations in " + locations, e);
        }
        return new TenantMigrationScripts(scripts);
    }

    /** The version a schema has once every migration is applied, or {@code null} when there are none. */
    public MigrationVersion latestVersion() {
        return versioned.isEmpty() ? null : versioned.get(versioned.size() - 1).version();
    }

    public int versionedCount() {
        return versioned.size();
    }

    /**
     * All migrations in the order Flyway applies them, as one script, when that is safe to run in one transaction;
     * otherwise {@code null}. A migration that must run outside a transaction ({@code CONCURRENTLY}) makes it unsafe.
     */
    String replayScript() {
        var all = new ArrayList<Script>(versioned);
        all.addAll(repeatable);
        var out = new StringBuilder();
        for (var script : all) {
            if (script.content().toLowerCase(Locale.ROOT).contains("concurrently")) {
                return null;
            }
            out.append("-- ").append(script.filename()).append('\n');
            out.append(script.content().strip()).append('\n');
            if (!script.content().strip().endsWith(";")) {
                out.append(";\n");
            }
        }
        return out.toString();
    }

    @Override
    public LoadableResource getResource(String name) {
        var filename = name.substring(name.lastIndexOf('/') + 1);
        var script = scripts.get(filename);
        return script == null ? null : new ScriptResource(script);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        var found = new ArrayList<LoadableResource>();
        for (var script : scripts.values()) {
            if (!script.filename().startsWith(prefix)) {
                continue;
            }
            for (var suffix : suffixes) {
                if (script.filename().endsWith(suffix)) {
                    found.add(new ScriptResource(script));
                    break;
                }
            }
        }
        return found;
    }

    record Script(String folder, String filename, String content, MigrationVersion version) {

        static Script of(String folder, String filename, String content) {
            var versionedName = VERSIONED.matcher(filename);
            if (versionedName.matches()) {
                return new Script(folder, filename, content, MigrationVersion.fromVersion(versionedName.group(1)));
            }
            if (REPEATABLE.matcher(filename).matches()) {
                return new Script(folder, filename, content, null);
            }
            throw new IllegalStateException("Tenant migration " + folder + "/" + filename
                    + " is not named V<timestamp>__<description>.sql or R__<description>.sql");
        }
    }

    private static final class ScriptResource extends LoadableResource {

        private final Script script;

        ScriptResource(Script script) {
            this.script = script;
        }

        @Override
        public Reader read() {
            return new StringReader(script.content());
        }

        @Override
        public String getAbsolutePath() {
            return script.folder() + "/" + script.filename();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return script.filename();
        }

        @Override
        public String getRelativePath() {
            return script.filename();
        }
    }
}
