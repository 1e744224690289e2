package io.buildstop.domain;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the build environment of the build project.
 *
 * <p>Mirrors CodeBuild's {@code ProjectEnvironment} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ProjectEnvironment implements WithProjectEnvironment {

  /** The type of build environment to use for related builds. Typed view of {@link #typeAsString()}: {@link EnvironmentType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<EnvironmentType> type() {
    return typeAsString().map(EnvironmentType::fromValue);
  }

  /** The raw type exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> typeAsString();

  /** The image tag or image digest that identifies the Docker image to use for this build project. Empty when CodeBuild did not send it. */
  public abstract Optional<String> image();

  /** Information about the compute resources the build project uses. Typed view of {@link #computeTypeAsString()}: {@link ComputeType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<ComputeType> computeType() {
    return computeTypeAsString().map(ComputeType::fromValue);
  }

  /** The raw computeType exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> computeTypeAsString();

  /** The compute configuration of the build project. Empty when CodeBuild did not send it. */
  public abstract Optional<ComputeConfiguration> computeConfiguration();

  /** A ProjectFleet object to use for this build project. Empty when CodeBuild did not send it. */
  public abstract Optional<ProjectFleet> fleet();

  /** A set of environment variables to make available to builds for this build project. Empty when absent; {@link #hasEnvironmentVariables()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<EnvironmentVariable> environmentVariables();

  /** Whether CodeBuild sent environmentVariables, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasEnvironmentVariables() {
    return !environmentVariables().isEmpty();
  }

  /** Enables running the Docker daemon inside a Docker container. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> privilegedMode();

  /** The ARN of the Amazon S3 bucket, path prefix, and object key that contains the PEM-encoded certificate for the build project. Empty when CodeBuild did not send it. */
  public abstract Optional<String> certificate();

  /** The credentials for access to a private registry. Empty when CodeBuild did not send it. */
  public abstract Optional<RegistryCredential> registryCredential();

  /** The type of credentials CodeBuild uses to pull images in your build. Typed view of {@link #imagePullCredentialsTypeAsString()}: {@link ImagePullCredentialsType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<ImagePullCredentialsType> imagePullCredentialsType() {
    return imagePullCredentialsTypeAsString().map(ImagePullCredentialsType::fromValue);
  }

  /** The raw imagePullCredentialsType exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> imagePullCredentialsTypeAsString();

  /** A DockerServer object to use for this build project. Empty when CodeBuild did not send it. */
  public abstract Optional<DockerServer> dockerServer();

  /** A copy with type set to a value this version knows. */
  public final ProjectEnvironment withType(EnvironmentType value) {
    return withTypeAsString(value.wireValue());
  }

  /** A copy with computeType set to a value this version knows. */
  public final ProjectEnvironment withComputeType(ComputeType value) {
    return withComputeTypeAsString(value.wireValue());
  }

  /** A copy with imagePullCredentialsType set to a value this version knows. */
  public final ProjectEnvironment withImagePullCredentialsType(ImagePullCredentialsType value) {
    return withImagePullCredentialsTypeAsString(value.wireValue());
  }

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  ProjectEnvironment normalizePresence() {
    if ((!hasEnvironmentVariables() && !environmentVariables().isEmpty())) {
      return builder().from(this)
        .hasEnvironmentVariables(hasEnvironmentVariables() || !environmentVariables().isEmpty())
        .build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectEnvironment}. */
  public static final class Builder extends ImmutableProjectEnvironment.Builder {
    /** Sets type to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(EnvironmentType value) {
      return typeAsString(value.wireValue());
    }

    /** Sets computeType to a value this version knows; use {@code computeTypeAsString} for any other. */
    public Builder computeType(ComputeType value) {
      return computeTypeAsString(value.wireValue());
    }

    /** Sets imagePullCredentialsType to a value this version knows; use {@code imagePullCredentialsTypeAsString} for any other. */
    public Builder imagePullCredentialsType(ImagePullCredentialsType value) {
      return imagePullCredentialsTypeAsString(value.wireValue());
    }

  }
}
