/**
 * The values around CodeBuild's {@link io.buildstop.domain.model.Build}: the validated
 * {@link io.buildstop.domain.BuildId} and the {@link io.buildstop.domain.StopFailure} family. The build and every
 * shape it holds are in {@link io.buildstop.domain.model}, generated from the AWS SDK's CodeBuild model; the stop
 * rules are in {@link io.buildstop.domain.lifecycle}; the events CodeBuild sends to EventBridge about a build, and
 * their derivation from its transitions, in {@link io.buildstop.domain.events}.
 *
 * <p>Nothing here returns or accepts null.
 */
package io.buildstop.domain;
