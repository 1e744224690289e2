/**
 * The events CodeBuild sends to Amazon EventBridge about a build, as typed values: {@link
 * io.buildstop.domain.events.BuildStateChange} ("CodeBuild Build State Change") and {@link
 * io.buildstop.domain.events.BuildPhaseChange} ("CodeBuild Build Phase Change"), each the EventBridge envelope around
 * its {@code detail}, member for member as the AWS user guide's "Build notifications input format reference" shows
 * them; and {@link io.buildstop.domain.events.BuildEvents}, the pure function from a build's transition (before,
 * after, instant) to the events it emits (docs/build-events.md).
 *
 * <p>Events are not in CodeBuild's service model, so these types are written by hand, in the model's style:
 * immutable, built through a nested {@code Builder}, absent members {@link java.util.Optional#empty()} or empty
 * lists, enums open (a {@code *AsString()} raw value and a typed view). Each JSON object's members this version does
 * not model are kept in its {@code otherMembers()}, so an event read from EventBridge writes back as it came.
 *
 * <p>Nothing here returns or accepts null, and nothing reads a clock.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****")
package io.buildstop.domain.events;

import org.immutables.value.Value;
