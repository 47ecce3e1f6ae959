package app.tandem.mentoring.enrollment;

import app.tandem.core.context.TenantContext;
import app.tandem.identity.MemberDeactivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A member removed from the organization stops taking part in its programs: once the removal committed, each of their
 * enrollments is withdrawn (which ends their matches and frees their seats). A redelivered removal finds nothing left
 * to withdraw.
 */
@Component
class RemovedMembers {

    private final Enrollments enrollments;

    RemovedMembers(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @ApplicationModuleListener
    void on(MemberDeactivated removed) {
        TenantContext.require(removed.tenant());
        enrollments.withdrawRemovedMember(removed.memberId());
    }
}
