/**
 * The ports over the AWS SDK for Java v2, all four on {@link io.buildstop.aws.AwsBuildStopper}: {@code
 * BuildStopper} and {@code BuildReader} for builds, {@code BuildBatchStopper} and {@code BuildBatchReader} for batch
 * builds. The only module where AWS SDK types appear.
 */
package io.buildstop.aws;
