package io.buildstop.wire.internal;

import io.buildstop.domain.model.NetworkInterface;
import io.buildstop.domain.model.VpcConfig;

/** CodeBuild's {@code VpcConfig} and {@code NetworkInterface} shapes. */
final class NetworkCodec {

  private NetworkCodec() {}

  static MemberWriter encodeVpc(VpcConfig vpc, MemberWriter out) {
    return out
        .string("vpcId", vpc.vpcId())
        .strings("subnets", vpc.subnets(), vpc.hasSubnets())
        .strings("securityGroupIds", vpc.securityGroupIds(), vpc.hasSecurityGroupIds());
  }

  static VpcConfig decodeVpc(MemberReader in) {
    SentList<String> subnets = in.strings("subnets");
    SentList<String> securityGroupIds = in.strings("securityGroupIds");
    return VpcConfig.builder()
        .vpcId(in.string("vpcId"))
        .subnets(subnets.items()).hasSubnets(subnets.sent())
        .securityGroupIds(securityGroupIds.items()).hasSecurityGroupIds(securityGroupIds.sent())
        .build();
  }

  static MemberWriter encodeInterface(NetworkInterface networkInterface, MemberWriter out) {
    return out
        .string("subnetId", networkInterface.subnetId())
        .string("networkInterfaceId", networkInterface.networkInterfaceId());
  }

  static NetworkInterface decodeInterface(MemberReader in) {
    return NetworkInterface.builder()
        .subnetId(in.string("subnetId"))
        .networkInterfaceId(in.uniqueString("networkInterfaceId"))
        .build();
  }
}
