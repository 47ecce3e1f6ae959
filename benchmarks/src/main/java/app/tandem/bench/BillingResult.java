package app.tandem.bench;

import static app.tandem.bench.TenancyResult.decimal;
import static app.tandem.bench.TenancyResult.quoted;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures of one run of the billing benchmark, unrounded; they are rounded only when printed so that the ratio is
 * computed from the measured values.
 */
record BillingResult(
        int tenants,
        int enrollments,
        double enrollMsP50Metered,
        double enrollMsP50Unmetered,
        int webhooks,
        double webhooksPerS,
        int syncTenants,
        double syncS,
        int cores,
        String java) {

    double enrollRatio() {
        return enrollMsP50Metered / enrollMsP50Unmetered;
    }

    List<Target> targets() {
        return List.of(
                new Target("enroll_ms_p50_metered <= 1.15 x enroll_ms_p50_unmetered", enrollRatio() <= 1.15),
                new Target("webhooks_per_s >= 200", webhooksPerS >= 200),
                new Target("sync_s <= 30 for " + syncTenants + " tenants", syncS <= 30));
    }

    /** The result as one line of JSON, keys in a fixed order, the targets last. */
    String toJson() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("benchmark", quoted("billing"));
        fields.put("tenants", Integer.toString(tenants));
        fields.put("enrollments", Integer.toString(enrollments));
        fields.put("enroll_ms_p50_metered", decimal(enrollMsP50Metered, 2));
        fields.put("enroll_ms_p50_unmetered", decimal(enrollMsP50Unmetered, 2));
        fields.put("enroll_ratio", decimal(enrollRatio(), 3));
        fields.put("webhooks", Integer.toString(webhooks));
        fields.put("webhooks_per_s", decimal(webhooksPerS, 1));
        fields.put("sync_tenants", Integer.toString(syncTenants));
        fields.put("sync_s", decimal(syncS, 2));
        fields.put("cores", Integer.toString(cores));
        fields.put("java", quoted(java));
        fields.put(
                "targets",
                targets().stream()
                        .map(target -> quoted(target.description()) + ":" + target.met())
                        .collect(Collectors.joining(",", "{", "}")));
        return fields.entrySet().stream()
                .map(field -> quoted(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
