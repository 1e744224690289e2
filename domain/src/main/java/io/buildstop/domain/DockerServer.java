package io.buildstop.domain;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Contains docker server information.
 *
 * <p>Mirrors CodeBuild's {@code DockerServer} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class DockerServer implements WithDockerServer {

  /** Information about the compute resources the docker server uses. Typed view of {@link #computeTypeAsString()}: {@link ComputeType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<ComputeType> computeType() {
    return computeTypeAsString().map(ComputeType::fromValue);
  }

  /** The raw computeType exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> computeTypeAsString();

  /** A list of one or more security groups IDs. Empty when absent; {@link #hasSecurityGroupIds()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<String> securityGroupIds();

  /** Whether CodeBuild sent securityGroupIds, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasSecurityGroupIds() {
    return !securityGroupIds().isEmpty();
  }

  /** A DockerServerStatus object to use for this docker server. Empty when CodeBuild did not send it. */
  public abstract Optional<DockerServerStatus> status();

  /** A copy with computeType set to a value this version knows. */
  public final DockerServer withComputeType(ComputeType value) {
    return withComputeTypeAsString(value.wireValue());
  }

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  DockerServer normalizePresence() {
    if ((!hasSecurityGroupIds() && !securityGroupIds().isEmpty())) {
      return builder().from(this)
        .hasSecurityGroupIds(hasSecurityGroupIds() || !securityGroupIds().isEmpty())
        .build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DockerServer}. */
  public static final class Builder extends ImmutableDockerServer.Builder {
    /** Sets computeType to a value this version knows; use {@code computeTypeAsString} for any other. */
    public Builder computeType(ComputeType value) {
      return computeTypeAsString(value.wireValue());
    }

  }
}
