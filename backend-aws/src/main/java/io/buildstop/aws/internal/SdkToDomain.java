package io.buildstop.aws.internal;

import io.buildstop.domain.model.AutoRetryConfig;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildStatusConfig;
import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.ComputeConfiguration;
import io.buildstop.domain.model.DebugSession;
import io.buildstop.domain.model.DockerServer;
import io.buildstop.domain.model.DockerServerStatus;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.ExportedEnvironmentVariable;
import io.buildstop.domain.model.GitSubmodulesConfig;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.NetworkInterface;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectFileSystemLocation;
import io.buildstop.domain.model.ProjectFleet;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectSourceVersion;
import io.buildstop.domain.model.RegistryCredential;
import io.buildstop.domain.model.S3LogsConfig;
import io.buildstop.domain.model.SourceAuth;
import io.buildstop.domain.model.VpcConfig;
import java.util.Optional;

/**
 * The SDK's CodeBuild model as the domain's, member for member: null becomes empty, an enum the SDK does not know
 * keeps its raw string ({@code *AsString()}), timestamps keep their precision, and the SDK's {@code hasX()} tells
 * an empty list CodeBuild sent from an absent one. Generated from CodeBuild's service model; the only place where
 * the SDK's nulls are handled.
 */
public final class SdkToDomain {
  private SdkToDomain() {}

  /** A whole build; the entry point. */
  public static Build toDomain(software.amazon.awssdk.services.codebuild.model.Build sdk) {
    return build(sdk);
  }

  /** CodeBuild's {@code Build} as the SDK read it, as the domain's {@link Build}. */
  static Build build(software.amazon.awssdk.services.codebuild.model.Build sdk) {
    return Build.builder()
        .id(Optional.ofNullable(sdk.id()))
        .arn(Optional.ofNullable(sdk.arn()))
        .buildNumber(Optional.ofNullable(sdk.buildNumber()))
        .startTime(Optional.ofNullable(sdk.startTime()))
        .endTime(Optional.ofNullable(sdk.endTime()))
        .currentPhaseAsString(Optional.ofNullable(sdk.currentPhase()))
        .buildStatusAsString(Optional.ofNullable(sdk.buildStatusAsString()))
        .sourceVersion(Optional.ofNullable(sdk.sourceVersion()))
        .resolvedSourceVersion(Optional.ofNullable(sdk.resolvedSourceVersion()))
        .projectName(Optional.ofNullable(sdk.projectName()))
        .phases(sdk.phases().stream().map(SdkToDomain::buildPhase).toList())
        .hasPhases(sdk.hasPhases())
        .source(Optional.ofNullable(sdk.source()).map(SdkToDomain::projectSource))
        .secondarySources(sdk.secondarySources().stream().map(SdkToDomain::projectSource).toList())
        .hasSecondarySources(sdk.hasSecondarySources())
        .secondarySourceVersions(sdk.secondarySourceVersions().stream().map(SdkToDomain::projectSourceVersion).toList())
        .hasSecondarySourceVersions(sdk.hasSecondarySourceVersions())
        .artifacts(Optional.ofNullable(sdk.artifacts()).map(SdkToDomain::buildArtifacts))
        .secondaryArtifacts(sdk.secondaryArtifacts().stream().map(SdkToDomain::buildArtifacts).toList())
        .hasSecondaryArtifacts(sdk.hasSecondaryArtifacts())
        .cache(Optional.ofNullable(sdk.cache()).map(SdkToDomain::projectCache))
        .environment(Optional.ofNullable(sdk.environment()).map(SdkToDomain::projectEnvironment))
        .serviceRole(Optional.ofNullable(sdk.serviceRole()))
        .logs(Optional.ofNullable(sdk.logs()).map(SdkToDomain::logsLocation))
        .timeoutInMinutes(Optional.ofNullable(sdk.timeoutInMinutes()))
        .queuedTimeoutInMinutes(Optional.ofNullable(sdk.queuedTimeoutInMinutes()))
        .buildComplete(Optional.ofNullable(sdk.buildComplete()))
        .initiator(Optional.ofNullable(sdk.initiator()))
        .vpcConfig(Optional.ofNullable(sdk.vpcConfig()).map(SdkToDomain::vpcConfig))
        .networkInterface(Optional.ofNullable(sdk.networkInterface()).map(SdkToDomain::networkInterface))
        .encryptionKey(Optional.ofNullable(sdk.encryptionKey()))
        .exportedEnvironmentVariables(sdk.exportedEnvironmentVariables().stream().map(SdkToDomain::exportedEnvironmentVariable).toList())
        .hasExportedEnvironmentVariables(sdk.hasExportedEnvironmentVariables())
        .reportArns(sdk.reportArns())
        .hasReportArns(sdk.hasReportArns())
        .fileSystemLocations(sdk.fileSystemLocations().stream().map(SdkToDomain::projectFileSystemLocation).toList())
        .hasFileSystemLocations(sdk.hasFileSystemLocations())
        .debugSession(Optional.ofNullable(sdk.debugSession()).map(SdkToDomain::debugSession))
        .buildBatchArn(Optional.ofNullable(sdk.buildBatchArn()))
        .autoRetryConfig(Optional.ofNullable(sdk.autoRetryConfig()).map(SdkToDomain::autoRetryConfig))
        .build();
  }

  /** CodeBuild's {@code BuildPhase} as the SDK read it, as the domain's {@link BuildPhase}. */
  static BuildPhase buildPhase(software.amazon.awssdk.services.codebuild.model.BuildPhase sdk) {
    return BuildPhase.builder()
        .phaseTypeAsString(Optional.ofNullable(sdk.phaseTypeAsString()))
        .phaseStatusAsString(Optional.ofNullable(sdk.phaseStatusAsString()))
        .startTime(Optional.ofNullable(sdk.startTime()))
        .endTime(Optional.ofNullable(sdk.endTime()))
        .durationInSeconds(Optional.ofNullable(sdk.durationInSeconds()))
        .contexts(sdk.contexts().stream().map(SdkToDomain::phaseContext).toList())
        .hasContexts(sdk.hasContexts())
        .build();
  }

  /** CodeBuild's {@code PhaseContext} as the SDK read it, as the domain's {@link PhaseContext}. */
  static PhaseContext phaseContext(software.amazon.awssdk.services.codebuild.model.PhaseContext sdk) {
    return PhaseContext.builder()
        .statusCode(Optional.ofNullable(sdk.statusCode()))
        .message(Optional.ofNullable(sdk.message()))
        .build();
  }

  /** CodeBuild's {@code ProjectSource} as the SDK read it, as the domain's {@link ProjectSource}. */
  static ProjectSource projectSource(software.amazon.awssdk.services.codebuild.model.ProjectSource sdk) {
    return ProjectSource.builder()
        .typeAsString(Optional.ofNullable(sdk.typeAsString()))
        .location(Optional.ofNullable(sdk.location()))
        .gitCloneDepth(Optional.ofNullable(sdk.gitCloneDepth()))
        .gitSubmodulesConfig(Optional.ofNullable(sdk.gitSubmodulesConfig()).map(SdkToDomain::gitSubmodulesConfig))
        .buildspec(Optional.ofNullable(sdk.buildspec()))
        .auth(Optional.ofNullable(sdk.auth()).map(SdkToDomain::sourceAuth))
        .reportBuildStatus(Optional.ofNullable(sdk.reportBuildStatus()))
        .buildStatusConfig(Optional.ofNullable(sdk.buildStatusConfig()).map(SdkToDomain::buildStatusConfig))
        .insecureSsl(Optional.ofNullable(sdk.insecureSsl()))
        .sourceIdentifier(Optional.ofNullable(sdk.sourceIdentifier()))
        .build();
  }

  /** CodeBuild's {@code GitSubmodulesConfig} as the SDK read it, as the domain's {@link GitSubmodulesConfig}. */
  static GitSubmodulesConfig gitSubmodulesConfig(software.amazon.awssdk.services.codebuild.model.GitSubmodulesConfig sdk) {
    return GitSubmodulesConfig.builder()
        .fetchSubmodules(Optional.ofNullable(sdk.fetchSubmodules()))
        .build();
  }

  /** CodeBuild's {@code SourceAuth} as the SDK read it, as the domain's {@link SourceAuth}. */
  static SourceAuth sourceAuth(software.amazon.awssdk.services.codebuild.model.SourceAuth sdk) {
    return SourceAuth.builder()
        .typeAsString(Optional.ofNullable(sdk.typeAsString()))
        .resource(Optional.ofNullable(sdk.resource()))
        .build();
  }

  /** CodeBuild's {@code BuildStatusConfig} as the SDK read it, as the domain's {@link BuildStatusConfig}. */
  static BuildStatusConfig buildStatusConfig(software.amazon.awssdk.services.codebuild.model.BuildStatusConfig sdk) {
    return BuildStatusConfig.builder()
        .context(Optional.ofNullable(sdk.context()))
        .targetUrl(Optional.ofNullable(sdk.targetUrl()))
        .build();
  }

  /** CodeBuild's {@code ProjectSourceVersion} as the SDK read it, as the domain's {@link ProjectSourceVersion}. */
  static ProjectSourceVersion projectSourceVersion(software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion sdk) {
    return ProjectSourceVersion.builder()
        .sourceIdentifier(Optional.ofNullable(sdk.sourceIdentifier()))
        .sourceVersion(Optional.ofNullable(sdk.sourceVersion()))
        .build();
  }

  /** CodeBuild's {@code BuildArtifacts} as the SDK read it, as the domain's {@link BuildArtifacts}. */
  static BuildArtifacts buildArtifacts(software.amazon.awssdk.services.codebuild.model.BuildArtifacts sdk) {
    return BuildArtifacts.builder()
        .location(Optional.ofNullable(sdk.location()))
        .sha256sum(Optional.ofNullable(sdk.sha256sum()))
        .md5sum(Optional.ofNullable(sdk.md5sum()))
        .overrideArtifactName(Optional.ofNullable(sdk.overrideArtifactName()))
        .encryptionDisabled(Optional.ofNullable(sdk.encryptionDisabled()))
        .artifactIdentifier(Optional.ofNullable(sdk.artifactIdentifier()))
        .bucketOwnerAccessAsString(Optional.ofNullable(sdk.bucketOwnerAccessAsString()))
        .build();
  }

  /** CodeBuild's {@code ProjectCache} as the SDK read it, as the domain's {@link ProjectCache}. */
  static ProjectCache projectCache(software.amazon.awssdk.services.codebuild.model.ProjectCache sdk) {
    return ProjectCache.builder()
        .typeAsString(Optional.ofNullable(sdk.typeAsString()))
        .location(Optional.ofNullable(sdk.location()))
        .modesAsStrings(sdk.modesAsStrings())
        .hasModes(sdk.hasModes())
        .cacheNamespace(Optional.ofNullable(sdk.cacheNamespace()))
        .build();
  }

  /** CodeBuild's {@code ProjectEnvironment} as the SDK read it, as the domain's {@link ProjectEnvironment}. */
  static ProjectEnvironment projectEnvironment(software.amazon.awssdk.services.codebuild.model.ProjectEnvironment sdk) {
    return ProjectEnvironment.builder()
        .typeAsString(Optional.ofNullable(sdk.typeAsString()))
        .image(Optional.ofNullable(sdk.image()))
        .computeTypeAsString(Optional.ofNullable(sdk.computeTypeAsString()))
        .computeConfiguration(Optional.ofNullable(sdk.computeConfiguration()).map(SdkToDomain::computeConfiguration))
        .fleet(Optional.ofNullable(sdk.fleet()).map(SdkToDomain::projectFleet))
        .environmentVariables(sdk.environmentVariables().stream().map(SdkToDomain::environmentVariable).toList())
        .hasEnvironmentVariables(sdk.hasEnvironmentVariables())
        .privilegedMode(Optional.ofNullable(sdk.privilegedMode()))
        .certificate(Optional.ofNullable(sdk.certificate()))
        .registryCredential(Optional.ofNullable(sdk.registryCredential()).map(SdkToDomain::registryCredential))
        .imagePullCredentialsTypeAsString(Optional.ofNullable(sdk.imagePullCredentialsTypeAsString()))
        .dockerServer(Optional.ofNullable(sdk.dockerServer()).map(SdkToDomain::dockerServer))
        .build();
  }

  /** CodeBuild's {@code ComputeConfiguration} as the SDK read it, as the domain's {@link ComputeConfiguration}. */
  static ComputeConfiguration computeConfiguration(software.amazon.awssdk.services.codebuild.model.ComputeConfiguration sdk) {
    return ComputeConfiguration.builder()
        .vCpu(Optional.ofNullable(sdk.vCpu()))
        .memory(Optional.ofNullable(sdk.memory()))
        .disk(Optional.ofNullable(sdk.disk()))
        .machineTypeAsString(Optional.ofNullable(sdk.machineTypeAsString()))
        .instanceType(Optional.ofNullable(sdk.instanceType()))
        .build();
  }

  /** CodeBuild's {@code ProjectFleet} as the SDK read it, as the domain's {@link ProjectFleet}. */
  static ProjectFleet projectFleet(software.amazon.awssdk.services.codebuild.model.ProjectFleet sdk) {
    return ProjectFleet.builder()
        .fleetArn(Optional.ofNullable(sdk.fleetArn()))
        .build();
  }

  /** CodeBuild's {@code EnvironmentVariable} as the SDK read it, as the domain's {@link EnvironmentVariable}. */
  static EnvironmentVariable environmentVariable(software.amazon.awssdk.services.codebuild.model.EnvironmentVariable sdk) {
    return EnvironmentVariable.builder()
        .name(Optional.ofNullable(sdk.name()))
        .value(Optional.ofNullable(sdk.value()))
        .typeAsString(Optional.ofNullable(sdk.typeAsString()))
        .build();
  }

  /** CodeBuild's {@code RegistryCredential} as the SDK read it, as the domain's {@link RegistryCredential}. */
  static RegistryCredential registryCredential(software.amazon.awssdk.services.codebuild.model.RegistryCredential sdk) {
    return RegistryCredential.builder()
        .credential(Optional.ofNullable(sdk.credential()))
        .credentialProviderAsString(Optional.ofNullable(sdk.credentialProviderAsString()))
        .build();
  }

  /** CodeBuild's {@code DockerServer} as the SDK read it, as the domain's {@link DockerServer}. */
  static DockerServer dockerServer(software.amazon.awssdk.services.codebuild.model.DockerServer sdk) {
    return DockerServer.builder()
        .computeTypeAsString(Optional.ofNullable(sdk.computeTypeAsString()))
        .securityGroupIds(sdk.securityGroupIds())
        .hasSecurityGroupIds(sdk.hasSecurityGroupIds())
        .status(Optional.ofNullable(sdk.status()).map(SdkToDomain::dockerServerStatus))
        .build();
  }

  /** CodeBuild's {@code DockerServerStatus} as the SDK read it, as the domain's {@link DockerServerStatus}. */
  static DockerServerStatus dockerServerStatus(software.amazon.awssdk.services.codebuild.model.DockerServerStatus sdk) {
    return DockerServerStatus.builder()
        .status(Optional.ofNullable(sdk.status()))
        .message(Optional.ofNullable(sdk.message()))
        .build();
  }

  /** CodeBuild's {@code LogsLocation} as the SDK read it, as the domain's {@link LogsLocation}. */
  static LogsLocation logsLocation(software.amazon.awssdk.services.codebuild.model.LogsLocation sdk) {
    return LogsLocation.builder()
        .groupName(Optional.ofNullable(sdk.groupName()))
        .streamName(Optional.ofNullable(sdk.streamName()))
        .deepLink(Optional.ofNullable(sdk.deepLink()))
        .s3DeepLink(Optional.ofNullable(sdk.s3DeepLink()))
        .cloudWatchLogsArn(Optional.ofNullable(sdk.cloudWatchLogsArn()))
        .s3LogsArn(Optional.ofNullable(sdk.s3LogsArn()))
        .cloudWatchLogs(Optional.ofNullable(sdk.cloudWatchLogs()).map(SdkToDomain::cloudWatchLogsConfig))
        .s3Logs(Optional.ofNullable(sdk.s3Logs()).map(SdkToDomain::s3LogsConfig))
        .build();
  }

  /** CodeBuild's {@code CloudWatchLogsConfig} as the SDK read it, as the domain's {@link CloudWatchLogsConfig}. */
  static CloudWatchLogsConfig cloudWatchLogsConfig(software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig sdk) {
    return CloudWatchLogsConfig.builder()
        .statusAsString(Optional.ofNullable(sdk.statusAsString()))
        .groupName(Optional.ofNullable(sdk.groupName()))
        .streamName(Optional.ofNullable(sdk.streamName()))
        .build();
  }

  /** CodeBuild's {@code S3LogsConfig} as the SDK read it, as the domain's {@link S3LogsConfig}. */
  static S3LogsConfig s3LogsConfig(software.amazon.awssdk.services.codebuild.model.S3LogsConfig sdk) {
    return S3LogsConfig.builder()
        .statusAsString(Optional.ofNullable(sdk.statusAsString()))
        .location(Optional.ofNullable(sdk.location()))
        .encryptionDisabled(Optional.ofNullable(sdk.encryptionDisabled()))
        .bucketOwnerAccessAsString(Optional.ofNullable(sdk.bucketOwnerAccessAsString()))
        .build();
  }

  /** CodeBuild's {@code VpcConfig} as the SDK read it, as the domain's {@link VpcConfig}. */
  static VpcConfig vpcConfig(software.amazon.awssdk.services.codebuild.model.VpcConfig sdk) {
    return VpcConfig.builder()
        .vpcId(Optional.ofNullable(sdk.vpcId()))
        .subnets(sdk.subnets())
        .hasSubnets(sdk.hasSubnets())
        .securityGroupIds(sdk.securityGroupIds())
        .hasSecurityGroupIds(sdk.hasSecurityGroupIds())
        .build();
  }

  /** CodeBuild's {@code NetworkInterface} as the SDK read it, as the domain's {@link NetworkInterface}. */
  static NetworkInterface networkInterface(software.amazon.awssdk.services.codebuild.model.NetworkInterface sdk) {
    return NetworkInterface.builder()
        .subnetId(Optional.ofNullable(sdk.subnetId()))
        .networkInterfaceId(Optional.ofNullable(sdk.networkInterfaceId()))
        .build();
  }

  /** CodeBuild's {@code ExportedEnvironmentVariable} as the SDK read it, as the domain's {@link ExportedEnvironmentVariable}. */
  static ExportedEnvironmentVariable exportedEnvironmentVariable(software.amazon.awssdk.services.codebuild.model.ExportedEnvironmentVariable sdk) {
    return ExportedEnvironmentVariable.builder()
        .name(Optional.ofNullable(sdk.name()))
        .value(Optional.ofNullable(sdk.value()))
        .build();
  }

  /** CodeBuild's {@code ProjectFileSystemLocation} as the SDK read it, as the domain's {@link ProjectFileSystemLocation}. */
  static ProjectFileSystemLocation projectFileSystemLocation(software.amazon.awssdk.services.codebuild.model.ProjectFileSystemLocation sdk) {
    return ProjectFileSystemLocation.builder()
        .typeAsString(Optional.ofNullable(sdk.typeAsString()))
        .location(Optional.ofNullable(sdk.location()))
        .mountPoint(Optional.ofNullable(sdk.mountPoint()))
        .identifier(Optional.ofNullable(sdk.identifier()))
        .mountOptions(Optional.ofNullable(sdk.mountOptions()))
        .build();
  }

  /** CodeBuild's {@code DebugSession} as the SDK read it, as the domain's {@link DebugSession}. */
  static DebugSession debugSession(software.amazon.awssdk.services.codebuild.model.DebugSession sdk) {
    return DebugSession.builder()
        .sessionEnabled(Optional.ofNullable(sdk.sessionEnabled()))
        .sessionTarget(Optional.ofNullable(sdk.sessionTarget()))
        .build();
  }

  /** CodeBuild's {@code AutoRetryConfig} as the SDK read it, as the domain's {@link AutoRetryConfig}. */
  static AutoRetryConfig autoRetryConfig(software.amazon.awssdk.services.codebuild.model.AutoRetryConfig sdk) {
    return AutoRetryConfig.builder()
        .autoRetryLimit(Optional.ofNullable(sdk.autoRetryLimit()))
        .autoRetryNumber(Optional.ofNullable(sdk.autoRetryNumber()))
        .nextAutoRetry(Optional.ofNullable(sdk.nextAutoRetry()))
        .previousAutoRetry(Optional.ofNullable(sdk.previousAutoRetry()))
        .build();
  }
}
