package app.tandem.bench;

/** One target a benchmark's figures are held to, and whether the run met it. */
record Target(String description, boolean met) {}
