package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the compute fleet of the build project. For more information, see Working with reserved capacity in CodeBuild .
 *
 * <p>Mirrors CodeBuild's {@code ProjectFleet} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ProjectFleet implements WithProjectFleet {

  /** Specifies the compute fleet ARN for the build project. Empty when CodeBuild did not send it. */
  public abstract Optional<String> fleetArn();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectFleet}. */
  public static final class Builder extends ImmutableProjectFleet.Builder {
  }
}
