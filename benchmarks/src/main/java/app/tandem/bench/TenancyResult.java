package app.tandem.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures of one run of the tenancy benchmark, unrounded; they are rounded only when printed so that the ratios
 * are computed from the measured values.
 */
record TenancyResult(
        int tenants,
        double provisionMsP50,
        double flywayNewSchemaMsP50,
        double noopMigrateAllS,
        double noopValidateAllS,
        double additiveMigrateAllS,
        double rps1Tenant,
        double rpsManyTenants,
        int cores,
        String java) {

    double provisionRatio() {
        return provisionMsP50 / flywayNewSchemaMsP50;
    }

    double rpsRatio() {
        return rpsManyTenants / rps1Tenant;
    }

    List<Target> targets() {
        return List.of(
                new Target("provision_ms_p50 <= 0.5 x flyway_new_schema_ms_p50", provisionRatio() <= 0.5),
                new Target("noop_migrate_all_s <= 30", noopMigrateAllS <= 30),
                new Target("additive_migrate_all_s <= 120", additiveMigrateAllS <= 120),
                new Target("rps_many_tenants >= 0.9 x rps_1_tenant", rpsRatio() >= 0.9));
    }

    /** The result as one line of JSON, keys in a fixed order. */
    String toJson() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("benchmark", quoted("tenancy"));
        fields.put("tenants", Integer.toString(tenants));
        fields.put("provision_ms_p50", decimal(provisionMsP50, 2));
        fields.put("flyway_new_schema_ms_p50", decimal(flywayNewSchemaMsP50, 2));
        fields.put("provision_ratio", decimal(provisionRatio(), 3));
        fields.put("noop_migrate_all_s", decimal(noopMigrateAllS, 2));
        fields.put("noop_validate_all_s", decimal(noopValidateAllS, 2));
        fields.put("additive_migrate_all_s", decimal(additiveMigrateAllS, 2));
        fields.put("rps_1_tenant", decimal(rps1Tenant, 1));
        fields.put("rps_many_tenants", decimal(rpsManyTenants, 1));
        fields.put("rps_ratio", decimal(rpsRatio(), 3));
        fields.put("cores", Integer.toString(cores));
        fields.put("java", quoted(java));
        return fields.entrySet().stream()
                .map(field -> quoted(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A JSON number with a fixed count of decimals; NaN or infinity would not be JSON, so they fail loudly. */
    static String decimal(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new BenchmarkFailure("A figure is not a finite number: " + value);
        }
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
    }

    static String quoted(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
