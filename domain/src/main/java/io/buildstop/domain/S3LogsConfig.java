package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about S3 logs for a build project.
 *
 * <p>Mirrors CodeBuild's {@code S3LogsConfig} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class S3LogsConfig implements WithS3LogsConfig {

  /** The current status of the S3 build logs. Typed view of {@link #statusAsString()}: {@link LogsConfigStatusType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<LogsConfigStatusType> status() {
    return statusAsString().map(LogsConfigStatusType::fromValue);
  }

  /** The raw status exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> statusAsString();

  /** The ARN of an S3 bucket and the path prefix for S3 logs. Empty when CodeBuild did not send it. */
  public abstract Optional<String> location();

  /** Set to true if you do not want your S3 build log output encrypted. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> encryptionDisabled();

  /**  Typed view of {@link #bucketOwnerAccessAsString()}: {@link BucketOwnerAccess#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<BucketOwnerAccess> bucketOwnerAccess() {
    return bucketOwnerAccessAsString().map(BucketOwnerAccess::fromValue);
  }

  /** The raw bucketOwnerAccess exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> bucketOwnerAccessAsString();

  /** A copy with status set to a value this version knows. */
  public final S3LogsConfig withStatus(LogsConfigStatusType value) {
    return withStatusAsString(value.wireValue());
  }

  /** A copy with bucketOwnerAccess set to a value this version knows. */
  public final S3LogsConfig withBucketOwnerAccess(BucketOwnerAccess value) {
    return withBucketOwnerAccessAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link S3LogsConfig}. */
  public static final class Builder extends ImmutableS3LogsConfig.Builder {
    /** Sets status to a value this version knows; use {@code statusAsString} for any other. */
    public Builder status(LogsConfigStatusType value) {
      return statusAsString(value.wireValue());
    }

    /** Sets bucketOwnerAccess to a value this version knows; use {@code bucketOwnerAccessAsString} for any other. */
    public Builder bucketOwnerAccess(BucketOwnerAccess value) {
      return bucketOwnerAccessAsString(value.wireValue());
    }

  }
}
