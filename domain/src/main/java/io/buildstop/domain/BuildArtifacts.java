package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about build output artifacts.
 *
 * <p>Mirrors CodeBuild's {@code BuildArtifacts} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class BuildArtifacts implements WithBuildArtifacts {

  /** Information about the location of the build artifacts. Empty when CodeBuild did not send it. */
  public abstract Optional<String> location();

  /** The SHA-256 hash of the build artifact. Empty when CodeBuild did not send it. */
  public abstract Optional<String> sha256sum();

  /** The MD5 hash of the build artifact. Empty when CodeBuild did not send it. */
  public abstract Optional<String> md5sum();

  /** If this flag is set, a name specified in the buildspec file overrides the artifact name. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> overrideArtifactName();

  /** Information that tells you if encryption for build artifacts is disabled. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> encryptionDisabled();

  /** An identifier for this artifact definition. Empty when CodeBuild did not send it. */
  public abstract Optional<String> artifactIdentifier();

  /**  Typed view of {@link #bucketOwnerAccessAsString()}: {@link BucketOwnerAccess#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<BucketOwnerAccess> bucketOwnerAccess() {
    return bucketOwnerAccessAsString().map(BucketOwnerAccess::fromValue);
  }

  /** The raw bucketOwnerAccess exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> bucketOwnerAccessAsString();

  /** A copy with bucketOwnerAccess set to a value this version knows. */
  public final BuildArtifacts withBucketOwnerAccess(BucketOwnerAccess value) {
    return withBucketOwnerAccessAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BuildArtifacts}. */
  public static final class Builder extends ImmutableBuildArtifacts.Builder {
    /** Sets bucketOwnerAccess to a value this version knows; use {@code bucketOwnerAccessAsString} for any other. */
    public Builder bucketOwnerAccess(BucketOwnerAccess value) {
      return bucketOwnerAccessAsString(value.wireValue());
    }

  }
}
