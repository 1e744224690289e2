package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about build logs in CloudWatch Logs.
 *
 * <p>Mirrors CodeBuild's {@code LogsLocation} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class LogsLocation implements WithLogsLocation {

  /** The name of the CloudWatch Logs group for the build logs. Empty when CodeBuild did not send it. */
  public abstract Optional<String> groupName();

  /** The name of the CloudWatch Logs stream for the build logs. Empty when CodeBuild did not send it. */
  public abstract Optional<String> streamName();

  /** The URL to an individual build log in CloudWatch Logs. Empty when CodeBuild did not send it. */
  public abstract Optional<String> deepLink();

  /** The URL to a build log in an S3 bucket. Empty when CodeBuild did not send it. */
  public abstract Optional<String> s3DeepLink();

  /** The ARN of the CloudWatch Logs stream for a build execution. Empty when CodeBuild did not send it. */
  public abstract Optional<String> cloudWatchLogsArn();

  /** The ARN of S3 logs for a build project. Empty when CodeBuild did not send it. */
  public abstract Optional<String> s3LogsArn();

  /** Information about CloudWatch Logs for a build project. Empty when CodeBuild did not send it. */
  public abstract Optional<CloudWatchLogsConfig> cloudWatchLogs();

  /** Information about S3 logs for a build project. Empty when CodeBuild did not send it. */
  public abstract Optional<S3LogsConfig> s3Logs();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LogsLocation}. */
  public static final class Builder extends ImmutableLogsLocation.Builder {
  }
}
