package app.tandem.tenantadmin.signup;

import app.tandem.core.provisioning.ProvisioningContext;
import app.tandem.core.provisioning.ProvisioningStep;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provisioning step between identity's {@code create-organization} and {@code invite-first-admin} that, once for
 * each slug a test names, kills the job the way a dying node would: not with an exception that provisioning records,
 * but with an {@link Error} that unwinds the thread and leaves the job RUNNING under a lease nobody renews. No
 * stereotype: tests {@code @Import} it.
 */
class NodeCrash implements ProvisioningStep {

    /** What the thread dies of. */
    static class Killed extends Error {

        Killed(String slug) {
            super("the node running the provisioning of " + slug + " died");
        }
    }

    private final Set<String> doomed = ConcurrentHashMap.newKeySet();
    private final Set<String> crashed = ConcurrentHashMap.newKeySet();

    void killOnceFor(String slug) {
        doomed.add(slug);
    }

    boolean crashed(String slug) {
        return crashed.contains(slug);
    }

    @Override
    public String name() {
        return "test-node-crash";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void apply(ProvisioningContext context) {
        var slug = context.slug().value();
        if (doomed.remove(slug)) {
            crashed.add(slug);
            throw new Killed(slug);
        }
    }

    @Override
    public void compensate(ProvisioningContext context) {}
}
