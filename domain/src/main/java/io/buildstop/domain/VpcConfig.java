package io.buildstop.domain;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the VPC configuration that CodeBuild accesses.
 *
 * <p>Mirrors CodeBuild's {@code VpcConfig} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class VpcConfig implements WithVpcConfig {

  /** The ID of the Amazon VPC. Empty when CodeBuild did not send it. */
  public abstract Optional<String> vpcId();

  /** A list of one or more subnet IDs in your Amazon VPC. Empty when absent; {@link #hasSubnets()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<String> subnets();

  /** Whether CodeBuild sent subnets, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasSubnets() {
    return !subnets().isEmpty();
  }

  /** A list of one or more security groups IDs in your Amazon VPC. Empty when absent; {@link #hasSecurityGroupIds()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<String> securityGroupIds();

  /** Whether CodeBuild sent securityGroupIds, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasSecurityGroupIds() {
    return !securityGroupIds().isEmpty();
  }

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  VpcConfig normalizePresence() {
    if ((!hasSubnets() && !subnets().isEmpty()) || (!hasSecurityGroupIds() && !securityGroupIds().isEmpty())) {
      return builder().from(this)
        .hasSubnets(hasSubnets() || !subnets().isEmpty())
        .hasSecurityGroupIds(hasSecurityGroupIds() || !securityGroupIds().isEmpty())
        .build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VpcConfig}. */
  public static final class Builder extends ImmutableVpcConfig.Builder {
  }
}
