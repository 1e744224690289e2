package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the build input source code for the build project.
 *
 * <p>Mirrors CodeBuild's {@code ProjectSource} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ProjectSource implements WithProjectSource {

  /** The type of repository that contains the source code to be built. Typed view of {@link #typeAsString()}: {@link SourceType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<SourceType> type() {
    return typeAsString().map(SourceType::fromValue);
  }

  /** The raw type exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> typeAsString();

  /** Information about the location of the source code to be built. Empty when CodeBuild did not send it. */
  public abstract Optional<String> location();

  /** Information about the Git clone depth for the build project. Empty when CodeBuild did not send it. */
  public abstract Optional<Integer> gitCloneDepth();

  /** Information about the Git submodules configuration for the build project. Empty when CodeBuild did not send it. */
  public abstract Optional<GitSubmodulesConfig> gitSubmodulesConfig();

  /** The buildspec file declaration to use for the builds in this build project. Empty when CodeBuild did not send it. */
  public abstract Optional<String> buildspec();

  /** Information about the authorization settings for CodeBuild to access the source code to be built. Empty when CodeBuild did not send it. */
  public abstract Optional<SourceAuth> auth();

  /** Set to true to report the status of a build's start and finish to your source provider. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> reportBuildStatus();

  /** Contains information that defines how the build project reports the build status to the source provider. Empty when CodeBuild did not send it. */
  public abstract Optional<BuildStatusConfig> buildStatusConfig();

  /** Enable this flag to ignore SSL warnings while connecting to the project source code. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> insecureSsl();

  /** An identifier for this project source. Empty when CodeBuild did not send it. */
  public abstract Optional<String> sourceIdentifier();

  /** A copy with type set to a value this version knows. */
  public final ProjectSource withType(SourceType value) {
    return withTypeAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectSource}. */
  public static final class Builder extends ImmutableProjectSource.Builder {
    /** Sets type to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(SourceType value) {
      return typeAsString(value.wireValue());
    }

  }
}
