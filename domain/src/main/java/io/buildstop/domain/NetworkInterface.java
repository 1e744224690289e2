package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Describes a network interface.
 *
 * <p>Mirrors CodeBuild's {@code NetworkInterface} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class NetworkInterface implements WithNetworkInterface {

  /** The ID of the subnet. Empty when CodeBuild did not send it. */
  public abstract Optional<String> subnetId();

  /** The ID of the network interface. Empty when CodeBuild did not send it. */
  public abstract Optional<String> networkInterfaceId();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NetworkInterface}. */
  public static final class Builder extends ImmutableNetworkInterface.Builder {
  }
}
