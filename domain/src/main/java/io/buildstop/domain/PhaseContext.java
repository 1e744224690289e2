package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Additional information about a build phase that has an error. You can use this information for troubleshooting.
 *
 * <p>Mirrors CodeBuild's {@code PhaseContext} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class PhaseContext implements WithPhaseContext {

  /** The status code for the context of the build phase. Empty when CodeBuild did not send it. */
  public abstract Optional<String> statusCode();

  /** An explanation of the build phase's context. Empty when CodeBuild did not send it. */
  public abstract Optional<String> message();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PhaseContext}. */
  public static final class Builder extends ImmutablePhaseContext.Builder {
  }
}
