package io.buildstop.wire.internal;

import io.buildstop.domain.model.ComputeConfiguration;
import io.buildstop.domain.model.DockerServer;
import io.buildstop.domain.model.DockerServerStatus;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectFleet;
import io.buildstop.domain.model.RegistryCredential;

/**
 * CodeBuild's {@code ProjectEnvironment} and what it holds: {@code ComputeConfiguration}, {@code ProjectFleet},
 * {@code EnvironmentVariable}, {@code RegistryCredential}, {@code DockerServer} and {@code DockerServerStatus}.
 */
final class EnvironmentCodec {

  private EnvironmentCodec() {}

  static MemberWriter encode(ProjectEnvironment environment, MemberWriter out) {
    return out
        .string("type", environment.typeAsString())
        .string("image", environment.image())
        .string("computeType", environment.computeTypeAsString())
        .object("computeConfiguration", environment.computeConfiguration(), EnvironmentCodec::encodeCompute)
        .object("fleet", environment.fleet(), EnvironmentCodec::encodeFleet)
        .objects("environmentVariables", environment.environmentVariables(), environment.hasEnvironmentVariables(),
            EnvironmentCodec::encodeVariable)
        .bool("privilegedMode", environment.privilegedMode())
        .string("certificate", environment.certificate())
        .object("registryCredential", environment.registryCredential(), EnvironmentCodec::encodeCredential)
        .string("imagePullCredentialsType", environment.imagePullCredentialsTypeAsString())
        .object("dockerServer", environment.dockerServer(), EnvironmentCodec::encodeDockerServer);
  }

  static ProjectEnvironment decode(MemberReader in) {
    SentList<EnvironmentVariable> variables = in.objects("environmentVariables", EnvironmentCodec::decodeVariable);
    return ProjectEnvironment.builder()
        .typeAsString(in.string("type"))
        .image(in.string("image"))
        .computeTypeAsString(in.string("computeType"))
        .computeConfiguration(in.object("computeConfiguration", EnvironmentCodec::decodeCompute))
        .fleet(in.object("fleet", EnvironmentCodec::decodeFleet))
        .environmentVariables(variables.items()).hasEnvironmentVariables(variables.sent())
        .privilegedMode(in.bool("privilegedMode"))
        .certificate(in.string("certificate"))
        .registryCredential(in.object("registryCredential", EnvironmentCodec::decodeCredential))
        .imagePullCredentialsTypeAsString(in.string("imagePullCredentialsType"))
        .dockerServer(in.object("dockerServer", EnvironmentCodec::decodeDockerServer))
        .build();
  }

  private static MemberWriter encodeCompute(ComputeConfiguration compute, MemberWriter out) {
    return out
        .int64("vCpu", compute.vCpu())
        .int64("memory", compute.memory())
        .int64("disk", compute.disk())
        .string("machineType", compute.machineTypeAsString())
        .string("instanceType", compute.instanceType());
  }

  private static ComputeConfiguration decodeCompute(MemberReader in) {
    return ComputeConfiguration.builder()
        .vCpu(in.int64("vCpu"))
        .memory(in.int64("memory"))
        .disk(in.int64("disk"))
        .machineTypeAsString(in.string("machineType"))
        .instanceType(in.string("instanceType"))
        .build();
  }

  private static MemberWriter encodeFleet(ProjectFleet fleet, MemberWriter out) {
    return out.string("fleetArn", fleet.fleetArn());
  }

  private static ProjectFleet decodeFleet(MemberReader in) {
    return ProjectFleet.builder().fleetArn(in.string("fleetArn")).build();
  }

  private static MemberWriter encodeVariable(EnvironmentVariable variable, MemberWriter out) {
    return out
        .string("name", variable.name())
        .string("value", variable.value())
        .string("type", variable.typeAsString());
  }

  private static EnvironmentVariable decodeVariable(MemberReader in) {
    return EnvironmentVariable.builder()
        .name(in.string("name"))
        .value(in.uniqueString("value"))
        .typeAsString(in.string("type"))
        .build();
  }

  private static MemberWriter encodeCredential(RegistryCredential credential, MemberWriter out) {
    return out
        .string("credential", credential.credential())
        .string("credentialProvider", credential.credentialProviderAsString());
  }

  private static RegistryCredential decodeCredential(MemberReader in) {
    return RegistryCredential.builder()
        .credential(in.uniqueString("credential"))
        .credentialProviderAsString(in.string("credentialProvider"))
        .build();
  }

  private static MemberWriter encodeDockerServer(DockerServer server, MemberWriter out) {
    return out
        .string("computeType", server.computeTypeAsString())
        .strings("securityGroupIds", server.securityGroupIds(), server.hasSecurityGroupIds())
        .object("status", server.status(), EnvironmentCodec::encodeDockerStatus);
  }

  private static DockerServer decodeDockerServer(MemberReader in) {
    SentList<String> securityGroupIds = in.strings("securityGroupIds");
    return DockerServer.builder()
        .computeTypeAsString(in.string("computeType"))
        .securityGroupIds(securityGroupIds.items()).hasSecurityGroupIds(securityGroupIds.sent())
        .status(in.object("status", EnvironmentCodec::decodeDockerStatus))
        .build();
  }

  private static MemberWriter encodeDockerStatus(DockerServerStatus status, MemberWriter out) {
    return out
        .string("status", status.status())
        .string("message", status.message());
  }

  private static DockerServerStatus decodeDockerStatus(MemberReader in) {
    return DockerServerStatus.builder()
        .status(in.string("status"))
        .message(in.string("message"))
        .build();
  }
}
