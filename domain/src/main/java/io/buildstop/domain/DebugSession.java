package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Contains information about the debug session for a build. For more information, see Viewing a running build in Session Manager .
 *
 * <p>Mirrors CodeBuild's {@code DebugSession} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class DebugSession implements WithDebugSession {

  /** Specifies if session debugging is enabled for this build. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> sessionEnabled();

  /** Contains the identifier of the Session Manager session used for the build. Empty when CodeBuild did not send it. */
  public abstract Optional<String> sessionTarget();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DebugSession}. */
  public static final class Builder extends ImmutableDebugSession.Builder {
  }
}
