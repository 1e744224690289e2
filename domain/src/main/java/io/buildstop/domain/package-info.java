/**
 * The CodeBuild {@link io.buildstop.domain.Build} as StopBuild returns it, every member typed, and the values around
 * it: the validated {@link io.buildstop.domain.BuildId} and the {@link io.buildstop.domain.StopFailure} family.
 *
 * <p>Every value type is immutable, built through its nested {@code Builder} and copied with {@code with*} methods.
 * Absent members are {@link java.util.Optional#empty()} or empty lists; nothing here returns or accepts null.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****")
package io.buildstop.domain;

import org.immutables.value.Value;
