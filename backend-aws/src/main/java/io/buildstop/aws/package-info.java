/**
 * The {@code BuildStopper} port over the AWS SDK for Java v2: {@link io.buildstop.aws.AwsBuildStopper}. The only
 * module where AWS SDK types appear.
 */
package io.buildstop.aws;
