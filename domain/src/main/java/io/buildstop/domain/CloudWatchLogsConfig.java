package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about CloudWatch Logs for a build project.
 *
 * <p>Mirrors CodeBuild's {@code CloudWatchLogsConfig} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class CloudWatchLogsConfig implements WithCloudWatchLogsConfig {

  /** The current status of the logs in CloudWatch Logs for a build project. Typed view of {@link #statusAsString()}: {@link LogsConfigStatusType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<LogsConfigStatusType> status() {
    return statusAsString().map(LogsConfigStatusType::fromValue);
  }

  /** The raw status exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> statusAsString();

  /** The group name of the logs in CloudWatch Logs. Empty when CodeBuild did not send it. */
  public abstract Optional<String> groupName();

  /** The prefix of the stream name of the CloudWatch Logs. Empty when CodeBuild did not send it. */
  public abstract Optional<String> streamName();

  /** A copy with status set to a value this version knows. */
  public final CloudWatchLogsConfig withStatus(LogsConfigStatusType value) {
    return withStatusAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CloudWatchLogsConfig}. */
  public static final class Builder extends ImmutableCloudWatchLogsConfig.Builder {
    /** Sets status to a value this version knows; use {@code statusAsString} for any other. */
    public Builder status(LogsConfigStatusType value) {
      return statusAsString(value.wireValue());
    }

  }
}
