package app.tandem.identity.member;

import app.tandem.core.web.DomainException;

/** A member may not use this organization's instance (deactivated, or the account conflicts with another member). */
public class MemberRefused extends DomainException {

    MemberRefused(String code, String message) {
        super(Kind.FORBIDDEN, code, message);
    }

    static MemberRefused deactivated() {
        return new MemberRefused(
                "member-deactivated",
                "Your membership of this organization is deactivated. Ask its administrators to reactivate it.");
    }

    static MemberRefused withoutEmail() {
        return new MemberRefused(
                "member-without-email",
                "Your account has no email address, which membership needs. Add one to your account and sign in again.");
    }

    static MemberRefused emailOfAnotherAccount() {
        return new MemberRefused(
                "member-email-conflict",
                "Another account with your email address is a member here. Ask the organization's administrators to"
                        + " check your membership.");
    }
}
