package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Contains information about the status of the docker server.
 *
 * <p>Mirrors CodeBuild's {@code DockerServerStatus} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class DockerServerStatus implements WithDockerServerStatus {

  /** The status of the docker server. Empty when CodeBuild did not send it. */
  public abstract Optional<String> status();

  /** A message associated with the status of a docker server. Empty when CodeBuild did not send it. */
  public abstract Optional<String> message();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DockerServerStatus}. */
  public static final class Builder extends ImmutableDockerServerStatus.Builder {
  }
}
