/**
 * The life of a build as pure functions of (build, instant): start, advance, complete and, above all, stop
 * (spec §4), plus the invariants every real build satisfies (spec §3). The same for a batch build and its member
 * builds, as pure functions of (batch run, instant): {@link io.buildstop.domain.lifecycle.BatchLifecycle}, {@link
 * io.buildstop.domain.lifecycle.BatchStopRules}, {@link io.buildstop.domain.lifecycle.BatchInvariants}, and
 * buildstop's policy where AWS is silent, {@link io.buildstop.domain.lifecycle.BatchPolicy} (docs/batch-rules.md);
 * a batch's members follow the build rules here, which the batch rules call and never repeat.
 *
 * <p>Nothing here reads a clock: backends pass the instant from their own {@link java.time.Clock}.
 */
package io.buildstop.domain.lifecycle;
