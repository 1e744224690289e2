/**
 * The values around CodeBuild's {@link io.buildstop.domain.model.Build}: the validated
 * {@link io.buildstop.domain.BuildId} and the {@link io.buildstop.domain.StopFailure} family. The build and every
 * shape it holds are in {@link io.buildstop.domain.model}, generated from the AWS SDK's CodeBuild model; the stop
 * rules are in {@link io.buildstop.domain.lifecycle}.
 *
 * <p>Nothing here returns or accepts null.
 */
package io.buildstop.domain;
