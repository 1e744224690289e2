package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about an environment variable for a build project or a build.
 *
 * <p>Mirrors CodeBuild's {@code EnvironmentVariable} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class EnvironmentVariable implements WithEnvironmentVariable {

  /** The name or key of the environment variable. Empty when CodeBuild did not send it. */
  public abstract Optional<String> name();

  /** The value of the environment variable. Empty when CodeBuild did not send it. */
  @Value.Redacted
  public abstract Optional<String> value();

  /** The type of environment variable. Typed view of {@link #typeAsString()}: {@link EnvironmentVariableType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<EnvironmentVariableType> type() {
    return typeAsString().map(EnvironmentVariableType::fromValue);
  }

  /** The raw type exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> typeAsString();

  /** A copy with type set to a value this version knows. */
  public final EnvironmentVariable withType(EnvironmentVariableType value) {
    return withTypeAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link EnvironmentVariable}. */
  public static final class Builder extends ImmutableEnvironmentVariable.Builder {
    /** Sets type to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(EnvironmentVariableType value) {
      return typeAsString(value.wireValue());
    }

  }
}
