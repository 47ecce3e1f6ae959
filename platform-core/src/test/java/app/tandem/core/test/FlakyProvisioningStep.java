package app.tandem.core.test;

import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provisioning step that runs last (order 900) and fails for the slugs a test names, to drive jobs into failure,
 * retry and compensation. {@code @Import(FlakyProvisioningStep.class)} adds it to a test context; it carries no
 * stereotype, so component scanning (a local run sees test classes) never picks it up.
 */
public class FlakyProvisioningStep implements ProvisioningStep {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final List<String> compensated = new CopyOnWriteArrayList<>();

    public void failFor(String slug) {
        failing.add(slug);
    }

    public void stopFailingFor(String slug) {
        failing.remove(slug);
    }

    /** The slugs whose provisioning this step was asked to undo, in order. */
    public List<String> compensated() {
        return List.copyOf(compensated);
    }

    @Override
    public String name() {
        return "test-flaky";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public void apply(ProvisioningContext context) {
        if (failing.contains(context.slug().value())) {
            throw new IllegalStateException("the flaky step refuses " + context.slug());
        }
    }

    @Override
    public void compensate(ProvisioningContext context) {
        compensated.add(context.slug().value());
    }
}
