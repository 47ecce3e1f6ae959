/**
 * The organization's members: {@link app.tandem.identity.member.Members} is the service other modules use, and it
 * hands out {@link app.tandem.identity.member.MemberView} snapshots; the {@code Member} entity and its repository stay
 * inside this package. Sign-in links a Keycloak user to their member row; org admins change roles and deactivate
 * members (API under {@code /api/v1/members}).
 */
@NamedInterface("members")
package app.tandem.identity.member;

import org.springframework.modulith.NamedInterface;
