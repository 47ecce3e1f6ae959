package app.tandem.core.provisioning;

/** Where one step of a provisioning job stands. */
public enum StepStatus {
    PENDING,
    DONE,
    FAILED,
    COMPENSATED
}
