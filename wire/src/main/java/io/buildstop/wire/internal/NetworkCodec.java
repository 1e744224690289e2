package io.buildstop.wire.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.NetworkInterface;
import io.buildstop.domain.VpcConfig;

/** CodeBuild's {@code VpcConfig} and {@code NetworkInterface} shapes. */
final class NetworkCodec {

  private NetworkCodec() {}

  static ObjectNode encodeVpc(VpcConfig vpc) {
    return MemberWriter.create()
        .string("vpcId", vpc.vpcId())
        .strings("subnets", vpc.subnets(), vpc.hasSubnets())
        .strings("securityGroupIds", vpc.securityGroupIds(), vpc.hasSecurityGroupIds())
        .node();
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

  static ObjectNode encodeInterface(NetworkInterface networkInterface) {
    return MemberWriter.create()
        .string("subnetId", networkInterface.subnetId())
        .string("networkInterfaceId", networkInterface.networkInterfaceId())
        .node();
  }

  static NetworkInterface decodeInterface(MemberReader in) {
    return NetworkInterface.builder()
        .subnetId(in.string("subnetId"))
        .networkInterfaceId(in.uniqueString("networkInterfaceId"))
        .build();
  }
}
