package app.tandem.tenantadmin.signup;

import app.tandem.core.provisioning.JobStatus;
import app.tandem.core.provisioning.JobStep;
import app.tandem.core.provisioning.ProvisioningJob;
import app.tandem.core.provisioning.StepStatus;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How far a sign-up got, as its progress page and the API show it to anyone who has its id: the organization's name and
 * address and the state of each step, never the admin's details or an error's text.
 *
 * @param id the sign-up's id (its provisioning job's)
 * @param organizationName the organization's name
 * @param slug the organization's address
 * @param address where the organization answers, e.g. {@code https://acme.tandem.example}
 * @param stage where the sign-up stands
 * @param steps each step of the set-up, in order
 */
public record SignUpProgress(
        UUID id, String organizationName, String slug, URI address, Stage stage, List<Step> steps) {

    public SignUpProgress {
        steps = List.copyOf(steps);
    }

    /** Where a sign-up stands. */
    public enum Stage {
        /** The organization is being set up. */
        SETTING_UP,
        /** The organization is ready and its first admin has been invited. */
        READY,
        /** A step could not be done; the platform's operators retry or cancel it. */
        HELD_UP,
        /** The set-up is being undone. */
        CANCELLING,
        /** The set-up was undone and the address is free again. */
        CANCELLED;

        /** Whether the stage may still change without an operator. */
        public boolean moving() {
            return this == SETTING_UP || this == CANCELLING;
        }
    }

    /** Where one step stands, from the visitor's point of view. */
    public enum StepState {
        WAITING,
        WORKING,
        DONE,
        HELD_UP,
        UNDONE
    }

    /** One step of the set-up: its stable name (which the page turns into words) and its state. */
    public record Step(String name, StepState state) {}

    static SignUpProgress of(ProvisioningJob job, URI address) {
        var stage = switch (job.status()) {
            case RUNNING -> Stage.SETTING_UP;
            case SUCCEEDED -> Stage.READY;
            case FAILED -> Stage.HELD_UP;
            case COMPENSATING -> Stage.CANCELLING;
            case ROLLED_BACK -> Stage.CANCELLED;
        };
        var steps = new ArrayList<Step>();
        boolean workingShown = false;
        for (JobStep step : job.steps()) {
            var state = switch (step.status()) {
                case DONE -> StepState.DONE;
                case FAILED -> StepState.HELD_UP;
                case COMPENSATED -> StepState.UNDONE;
                case PENDING -> StepState.WAITING;
            };
            if (state == StepState.WAITING && job.status() == JobStatus.RUNNING && !workingShown) {
                state = StepState.WORKING;
            }
            if (step.status() == StepStatus.PENDING) {
                workingShown = true;
            }
            steps.add(new Step(step.name(), state));
        }
        return new SignUpProgress(job.id(), job.displayName(), job.slug(), address, stage, steps);
    }
}
