package app.tandem.tenantadmin.console;

import app.tandem.core.audit.Operator;
import app.tandem.core.tenant.Tenant;
import app.tandem.core.tenant.TenantHost;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a tenant's data as a zip: {@code tables/<table>.json} for every table of its schema (an array of rows, one
 * object per row with the column names as keys) and {@code manifest.json} with the tenant's facts, the export time,
 * the schema version and what each file holds. All tables are read in one read-only, repeatable-read transaction, so
 * they show one moment; rows stream from the database to the zip a few hundred at a time.
 */
@Component
class TenantExport {

    static final String FORMAT = "tandem-tenant-export";
    static final int FORMAT_VERSION = 1;
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;

    TenantExport(DataSource dataSource, JsonMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** What an export holds: its tables and their rows. */
    record Summary(List<TableFile> tables) {

        long rows() {
            return tables.stream().mapToLong(TableFile::rows).sum();
        }
    }

    /** One table's file in the zip. */
    record TableFile(String table, String file, List<String> columns, long rows) {}

    /** The tenant facts the manifest names besides the data. */
    record Facts(Tenant tenant, List<TenantHost> hosts, String schemaVersion, Operator exportedBy) {}

    Summary write(Facts facts, OutputStream out) {
        var schema = TenantActivity.schemaOf(facts.tenant().id());
        var exportedAt = clock.instant();
        try (var connection = dataSource.getConnection();
                var zip = new ZipOutputStream(out)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                var files = new ArrayList<TableFile>();
                for (var table : tables(connection, schema)) {
                    var file = "tables/" + table + ".json";
                    zip.putNextEntry(new ZipEntry(file));
                    files.add(writeTable(connection, schema, table, file, new KeepOpen(zip)));
                    zip.closeEntry();
                }
                var summary = new Summary(List.copyOf(files));
                zip.putNextEntry(new ZipEntry("manifest.json"));
                new KeepOpen(zip)
                        .write(json.writerWithDefaultPrettyPrinter()
                                .writeValueAsBytes(manifest(facts, exportedAt.toString(), summary)));
                zip.closeEntry();
                return summary;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not read the data of tenant " + facts.tenant().slug(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the export of tenant " + facts.tenant().slug(), e);
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        var tables = new ArrayList<String>();
        try (var statement = connection.prepareStatement("""
                        select table_name from information_schema.tables
                        where table_schema = ? and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                        order by table_name
                        """)) {
            statement.setString(1, schema);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private TableFile writeTable(Connection connection, String schema, String table, String file, OutputStream out)
            throws SQLException {
        long count = 0;
        var columns = new ArrayList<String>();
        try (var statement = connection.prepareStatement(
                "select * from \"" + schema + "\".\"" + table.replace("\"", "\"\"") + "\"")) {
            statement.setFetchSize(FETCH_SIZE);
            try (var rows = statement.executeQuery();
                    JsonGenerator generator = json.createGenerator(out)) {
                var meta = rows.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                generator.writeStartArray();
                while (rows.next()) {
                    generator.writeStartObject();
                    for (int i = 1; i <= columns.size(); i++) {
                        generator.writeName(columns.get(i - 1));
                        writeValue(generator, rows, meta, i);
                    }
                    generator.writeEndObject();
                    count++;
                }
                generator.writeEndArray();
            }
        }
        return new TableFile(table, file, List.copyOf(columns), count);
    }

    /** JSON types where they exist; times in ISO-8601; json columns as JSON; binary as base64; the rest as text. */
    private static void writeValue(JsonGenerator generator, ResultSet rows, ResultSetMetaData meta, int column)
            throws SQLException {
        var type = meta.getColumnTypeName(column);
        switch (type) {
            case "int2", "int4", "int8", "serial", "bigserial" -> {
                long value = rows.getLong(column);
                if (rows.wasNull()) {
                    generator.writeNull();
                } else {
                    generator.writeNumber(value);
                }
            }
            case "numeric", "float4", "float8" -> {
                var value = rows.getBigDecimal(column);
                if (value == null) {
                    generator.writeNull();
                } else {
                    generator.writeNumber(value);
                }
            }
            case "bool" -> {
                boolean value = rows.getBoolean(column);
                if (rows.wasNull()) {
                    generator.writeNull();
                } else {
                    generator.writeBoolean(value);
                }
            }
            case "timestamptz" -> writeText(generator, rows.getObject(column, OffsetDateTime.class));
            case "timestamp" -> writeText(generator, rows.getObject(column, LocalDateTime.class));
            case "date" -> writeText(generator, rows.getObject(column, LocalDate.class));
            case "json", "jsonb" -> {
                var value = rows.getString(column);
                if (value == null) {
                    generator.writeNull();
                } else {
                    generator.writeRawValue(value);
                }
            }
            case "bytea" -> {
                var value = rows.getBytes(column);
                writeText(generator, value == null ? null : Base64.getEncoder().encodeToString(value));
            }
            default -> writeText(generator, rows.getString(column));
        }
    }

    private static void writeText(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(value.toString());
        }
    }

    private static Map<String, Object> manifest(Facts facts, String exportedAt, Summary summary) {
        var tenant = facts.tenant();
        var tenantFacts = new LinkedHashMap<String, Object>();
        tenantFacts.put("id", tenant.id().toString());
        tenantFacts.put("slug", tenant.slug().value());
        tenantFacts.put("name", tenant.displayName());
        tenantFacts.put("kind", tenant.kind().name());
        tenantFacts.put("status", tenant.status().name());
        tenantFacts.put("statusReason", tenant.statusReason());
        tenantFacts.put("createdAt", tenant.createdAt().toString());
        tenantFacts.put(
                "deletionDueAt",
                tenant.deletionDueAt() == null ? null : tenant.deletionDueAt().toString());
        tenantFacts.put(
                "hosts",
                facts.hosts().stream()
                        .map(host -> Map.of(
                                "host", host.host().value(), "kind", host.kind().name()))
                        .toList());
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("format", FORMAT);
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("exportedAt", exportedAt);
        manifest.put("exportedBy", facts.exportedBy().label());
        manifest.put("schemaVersion", facts.schemaVersion());
        manifest.put("tenant", tenantFacts);
        manifest.put(
                "tables",
                summary.tables().stream()
                        .map(table -> {
                            var entry = new LinkedHashMap<String, Object>();
                            entry.put("name", table.table());
                            entry.put("file", table.file());
                            entry.put("rows", table.rows());
                            entry.put("columns", table.columns());
                            return entry;
                        })
                        .toList());
        return manifest;
    }

    /** The zip stays open when a table's JSON writer closes its stream. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
