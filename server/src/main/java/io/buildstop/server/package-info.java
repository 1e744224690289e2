/**
 * A local CodeBuild endpoint over the in-memory backend: {@link io.buildstop.server.CodeBuildServer} speaks
 * CodeBuild's awsJson1_1 protocol, so the AWS SDKs, the AWS CLI and {@code AwsBuildStopper} can be pointed at it.
 */
package io.buildstop.server;
