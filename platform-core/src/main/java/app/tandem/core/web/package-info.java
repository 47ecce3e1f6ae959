/**
 * The web error model. Domain exceptions extend {@link app.tandem.core.web.DomainException} and say what kind of
 * failure they are; {@link app.tandem.core.web.ProblemDetailsAdvice} turns them into RFC 9457 problem details for the
 * API, and pages show their message.
 */
@NamedInterface("web")
package app.tandem.core.web;

import org.springframework.modulith.NamedInterface;
