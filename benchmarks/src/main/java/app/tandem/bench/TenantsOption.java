package app.tandem.bench;

import java.util.List;

/** The {@code --tenants N} (or {@code --tenants=N}) option that the benchmarks over many tenants take, and only that. */
final class TenantsOption {

    private TenantsOption() {}

    /**
     * The number of tenants {@code args} ask for, {@code fallback} without the option.
     *
     * @param why why fewer than {@code min} tenants cannot be measured, for the error
     * @throws IllegalArgumentException for an unknown option, a count that is not a number, or one below {@code min}
     */
    static int parse(String benchmark, List<String> args, int fallback, int min, String why) {
        int tenants = fallback;
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (arg.equals("--tenants") && i + 1 < args.size()) {
                tenants = count(arg, args.get(++i));
            } else if (arg.startsWith("--tenants=")) {
                tenants = count("--tenants", arg.substring("--tenants=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option for " + benchmark + ": " + arg);
            }
        }
        if (tenants < min) {
            throw new IllegalArgumentException("--tenants must be at least " + min + ": " + why);
        }
        return tenants;
    }

    private static int count(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + value);
        }
    }
}
