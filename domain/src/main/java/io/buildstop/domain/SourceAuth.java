package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the authorization settings for CodeBuild to access the source code to be built.
 *
 * <p>Mirrors CodeBuild's {@code SourceAuth} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class SourceAuth implements WithSourceAuth {

  /** The authorization type to use. Typed view of {@link #typeAsString()}: {@link SourceAuthType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<SourceAuthType> type() {
    return typeAsString().map(SourceAuthType::fromValue);
  }

  /** The raw type exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> typeAsString();

  /** The resource value that applies to the specified authorization type. Empty when CodeBuild did not send it. */
  public abstract Optional<String> resource();

  /** A copy with type set to a value this version knows. */
  public final SourceAuth withType(SourceAuthType value) {
    return withTypeAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SourceAuth}. */
  public static final class Builder extends ImmutableSourceAuth.Builder {
    /** Sets type to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(SourceAuthType value) {
      return typeAsString(value.wireValue());
    }

  }
}
