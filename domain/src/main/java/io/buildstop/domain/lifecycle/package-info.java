/**
 * The life of a build as pure functions of (build, instant): start, advance, complete and, above all, stop
 * (spec §4), plus the invariants every real build satisfies (spec §3).
 *
 * <p>Nothing here reads a clock: backends pass the instant from their own {@link java.time.Clock}.
 */
package io.buildstop.domain.lifecycle;
