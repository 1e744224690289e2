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

/**
 * The domain's CodeBuild model as the SDK's, member for member: the reverse of {@link SdkToDomain}, so that
 * {@code toSdk(toDomain(build))} equals {@code build}. Generated from CodeBuild's service model.
 */
public final class DomainToSdk {
  private DomainToSdk() {}

  /** A whole build; the entry point. */
  public static software.amazon.awssdk.services.codebuild.model.Build toSdk(Build domain) {
    return build(domain);
  }

  /** The domain's {@link Build} as the SDK's {@code Build}. */
  static software.amazon.awssdk.services.codebuild.model.Build build(Build domain) {
    software.amazon.awssdk.services.codebuild.model.Build.Builder sdk = software.amazon.awssdk.services.codebuild.model.Build.builder();
    domain.id().ifPresent(sdk::id);
    domain.arn().ifPresent(sdk::arn);
    domain.buildNumber().ifPresent(sdk::buildNumber);
    domain.startTime().ifPresent(sdk::startTime);
    domain.endTime().ifPresent(sdk::endTime);
    domain.currentPhaseAsString().ifPresent(sdk::currentPhase);
    domain.buildStatusAsString().ifPresent(sdk::buildStatus);
    domain.sourceVersion().ifPresent(sdk::sourceVersion);
    domain.resolvedSourceVersion().ifPresent(sdk::resolvedSourceVersion);
    domain.projectName().ifPresent(sdk::projectName);
    if (domain.hasPhases()) {
      sdk.phases(domain.phases().stream().map(DomainToSdk::buildPhase).toList());
    }
    domain.source().map(DomainToSdk::projectSource).ifPresent(sdk::source);
    if (domain.hasSecondarySources()) {
      sdk.secondarySources(domain.secondarySources().stream().map(DomainToSdk::projectSource).toList());
    }
    if (domain.hasSecondarySourceVersions()) {
      sdk.secondarySourceVersions(domain.secondarySourceVersions().stream().map(DomainToSdk::projectSourceVersion).toList());
    }
    domain.artifacts().map(DomainToSdk::buildArtifacts).ifPresent(sdk::artifacts);
    if (domain.hasSecondaryArtifacts()) {
      sdk.secondaryArtifacts(domain.secondaryArtifacts().stream().map(DomainToSdk::buildArtifacts).toList());
    }
    domain.cache().map(DomainToSdk::projectCache).ifPresent(sdk::cache);
    domain.environment().map(DomainToSdk::projectEnvironment).ifPresent(sdk::environment);
    domain.serviceRole().ifPresent(sdk::serviceRole);
    domain.logs().map(DomainToSdk::logsLocation).ifPresent(sdk::logs);
    domain.timeoutInMinutes().ifPresent(sdk::timeoutInMinutes);
    domain.queuedTimeoutInMinutes().ifPresent(sdk::queuedTimeoutInMinutes);
    domain.buildComplete().ifPresent(sdk::buildComplete);
    domain.initiator().ifPresent(sdk::initiator);
    domain.vpcConfig().map(DomainToSdk::vpcConfig).ifPresent(sdk::vpcConfig);
    domain.networkInterface().map(DomainToSdk::networkInterface).ifPresent(sdk::networkInterface);
    domain.encryptionKey().ifPresent(sdk::encryptionKey);
    if (domain.hasExportedEnvironmentVariables()) {
      sdk.exportedEnvironmentVariables(domain.exportedEnvironmentVariables().stream().map(DomainToSdk::exportedEnvironmentVariable).toList());
    }
    if (domain.hasReportArns()) {
      sdk.reportArns(domain.reportArns());
    }
    if (domain.hasFileSystemLocations()) {
      sdk.fileSystemLocations(domain.fileSystemLocations().stream().map(DomainToSdk::projectFileSystemLocation).toList());
    }
    domain.debugSession().map(DomainToSdk::debugSession).ifPresent(sdk::debugSession);
    domain.buildBatchArn().ifPresent(sdk::buildBatchArn);
    domain.autoRetryConfig().map(DomainToSdk::autoRetryConfig).ifPresent(sdk::autoRetryConfig);
    return sdk.build();
  }

  /** The domain's {@link BuildPhase} as the SDK's {@code BuildPhase}. */
  static software.amazon.awssdk.services.codebuild.model.BuildPhase buildPhase(BuildPhase domain) {
    software.amazon.awssdk.services.codebuild.model.BuildPhase.Builder sdk = software.amazon.awssdk.services.codebuild.model.BuildPhase.builder();
    domain.phaseTypeAsString().ifPresent(sdk::phaseType);
    domain.phaseStatusAsString().ifPresent(sdk::phaseStatus);
    domain.startTime().ifPresent(sdk::startTime);
    domain.endTime().ifPresent(sdk::endTime);
    domain.durationInSeconds().ifPresent(sdk::durationInSeconds);
    if (domain.hasContexts()) {
      sdk.contexts(domain.contexts().stream().map(DomainToSdk::phaseContext).toList());
    }
    return sdk.build();
  }

  /** The domain's {@link PhaseContext} as the SDK's {@code PhaseContext}. */
  static software.amazon.awssdk.services.codebuild.model.PhaseContext phaseContext(PhaseContext domain) {
    software.amazon.awssdk.services.codebuild.model.PhaseContext.Builder sdk = software.amazon.awssdk.services.codebuild.model.PhaseContext.builder();
    domain.statusCode().ifPresent(sdk::statusCode);
    domain.message().ifPresent(sdk::message);
    return sdk.build();
  }

  /** The domain's {@link ProjectSource} as the SDK's {@code ProjectSource}. */
  static software.amazon.awssdk.services.codebuild.model.ProjectSource projectSource(ProjectSource domain) {
    software.amazon.awssdk.services.codebuild.model.ProjectSource.Builder sdk = software.amazon.awssdk.services.codebuild.model.ProjectSource.builder();
    domain.typeAsString().ifPresent(sdk::type);
    domain.location().ifPresent(sdk::location);
    domain.gitCloneDepth().ifPresent(sdk::gitCloneDepth);
    domain.gitSubmodulesConfig().map(DomainToSdk::gitSubmodulesConfig).ifPresent(sdk::gitSubmodulesConfig);
    domain.buildspec().ifPresent(sdk::buildspec);
    domain.auth().map(DomainToSdk::sourceAuth).ifPresent(sdk::auth);
    domain.reportBuildStatus().ifPresent(sdk::reportBuildStatus);
    domain.buildStatusConfig().map(DomainToSdk::buildStatusConfig).ifPresent(sdk::buildStatusConfig);
    domain.insecureSsl().ifPresent(sdk::insecureSsl);
    domain.sourceIdentifier().ifPresent(sdk::sourceIdentifier);
    return sdk.build();
  }

  /** The domain's {@link GitSubmodulesConfig} as the SDK's {@code GitSubmodulesConfig}. */
  static software.amazon.awssdk.services.codebuild.model.GitSubmodulesConfig gitSubmodulesConfig(GitSubmodulesConfig domain) {
    software.amazon.awssdk.services.codebuild.model.GitSubmodulesConfig.Builder sdk = software.amazon.awssdk.services.codebuild.model.GitSubmodulesConfig.builder();
    domain.fetchSubmodules().ifPresent(sdk::fetchSubmodules);
    return sdk.build();
  }

  /** The domain's {@link SourceAuth} as the SDK's {@code SourceAuth}. */
  static software.amazon.awssdk.services.codebuild.model.SourceAuth sourceAuth(SourceAuth domain) {
    software.amazon.awssdk.services.codebuild.model.SourceAuth.Builder sdk = software.amazon.awssdk.services.codebuild.model.SourceAuth.builder();
    domain.typeAsString().ifPresent(sdk::type);
    domain.resource().ifPresent(sdk::resource);
    return sdk.build();
  }

  /** The domain's {@link BuildStatusConfig} as the SDK's {@code BuildStatusConfig}. */
  static software.amazon.awssdk.services.codebuild.model.BuildStatusConfig buildStatusConfig(BuildStatusConfig domain) {
    software.amazon.awssdk.services.codebuild.model.BuildStatusConfig.Builder sdk = software.amazon.awssdk.services.codebuild.model.BuildStatusConfig.builder();
    domain.context().ifPresent(sdk::context);
    domain.targetUrl().ifPresent(sdk::targetUrl);
    return sdk.build();
  }

  /** The domain's {@link ProjectSourceVersion} as the SDK's {@code ProjectSourceVersion}. */
  static software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion projectSourceVersion(ProjectSourceVersion domain) {
    software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion.Builder sdk = software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion.builder();
    domain.sourceIdentifier().ifPresent(sdk::sourceIdentifier);
    domain.sourceVersion().ifPresent(sdk::sourceVersion);
    return sdk.build();
  }

  /** The domain's {@link BuildArtifacts} as the SDK's {@code BuildArtifacts}. */
  static software.amazon.awssdk.services.codebuild.model.BuildArtifacts buildArtifacts(BuildArtifacts domain) {
    software.amazon.awssdk.services.codebuild.model.BuildArtifacts.Builder sdk = software.amazon.awssdk.services.codebuild.model.BuildArtifacts.builder();
    domain.location().ifPresent(sdk::location);
    domain.sha256sum().ifPresent(sdk::sha256sum);
    domain.md5sum().ifPresent(sdk::md5sum);
    domain.overrideArtifactName().ifPresent(sdk::overrideArtifactName);
    domain.encryptionDisabled().ifPresent(sdk::encryptionDisabled);
    domain.artifactIdentifier().ifPresent(sdk::artifactIdentifier);
    domain.bucketOwnerAccessAsString().ifPresent(sdk::bucketOwnerAccess);
    return sdk.build();
  }

  /** The domain's {@link ProjectCache} as the SDK's {@code ProjectCache}. */
  static software.amazon.awssdk.services.codebuild.model.ProjectCache projectCache(ProjectCache domain) {
    software.amazon.awssdk.services.codebuild.model.ProjectCache.Builder sdk = software.amazon.awssdk.services.codebuild.model.ProjectCache.builder();
    domain.typeAsString().ifPresent(sdk::type);
    domain.location().ifPresent(sdk::location);
    if (domain.hasModes()) {
      sdk.modesWithStrings(domain.modesAsStrings());
    }
    domain.cacheNamespace().ifPresent(sdk::cacheNamespace);
    return sdk.build();
  }

  /** The domain's {@link ProjectEnvironment} as the SDK's {@code ProjectEnvironment}. */
  static software.amazon.awssdk.services.codebuild.model.ProjectEnvironment projectEnvironment(ProjectEnvironment domain) {
    software.amazon.awssdk.services.codebuild.model.ProjectEnvironment.Builder sdk = software.amazon.awssdk.services.codebuild.model.ProjectEnvironment.builder();
    domain.typeAsString().ifPresent(sdk::type);
    domain.image().ifPresent(sdk::image);
    domain.computeTypeAsString().ifPresent(sdk::computeType);
    domain.computeConfiguration().map(DomainToSdk::computeConfiguration).ifPresent(sdk::computeConfiguration);
    domain.fleet().map(DomainToSdk::projectFleet).ifPresent(sdk::fleet);
    if (domain.hasEnvironmentVariables()) {
      sdk.environmentVariables(domain.environmentVariables().stream().map(DomainToSdk::environmentVariable).toList());
    }
    domain.privilegedMode().ifPresent(sdk::privilegedMode);
    domain.certificate().ifPresent(sdk::certificate);
    domain.registryCredential().map(DomainToSdk::registryCredential).ifPresent(sdk::registryCredential);
    domain.imagePullCredentialsTypeAsString().ifPresent(sdk::imagePullCredentialsType);
    domain.dockerServer().map(DomainToSdk::dockerServer).ifPresent(sdk::dockerServer);
    return sdk.build();
  }

  /** The domain's {@link ComputeConfiguration} as the SDK's {@code ComputeConfiguration}. */
  static software.amazon.awssdk.services.codebuild.model.ComputeConfiguration computeConfiguration(ComputeConfiguration domain) {
    software.amazon.awssdk.services.codebuild.model.ComputeConfiguration.Builder sdk = software.amazon.awssdk.services.codebuild.model.ComputeConfiguration.builder();
    domain.vCpu().ifPresent(sdk::vCpu);
    domain.memory().ifPresent(sdk::memory);
    domain.disk().ifPresent(sdk::disk);
    domain.machineTypeAsString().ifPresent(sdk::machineType);
    domain.instanceType().ifPresent(sdk::instanceType);
    return sdk.build();
  }

  /** The domain's {@link ProjectFleet} as the SDK's {@code ProjectFleet}. */
  static software.amazon.awssdk.services.codebuild.model.ProjectFleet projectFleet(ProjectFleet domain) {
    software.amazon.awssdk.services.codebuild.model.ProjectFleet.Builder sdk = software.amazon.awssdk.services.codebuild.model.ProjectFleet.builder();
    domain.fleetArn().ifPresent(sdk::fleetArn);
    return sdk.build();
  }

  /** The domain's {@link EnvironmentVariable} as the SDK's {@code EnvironmentVariable}. */
  static software.amazon.awssdk.services.codebuild.model.EnvironmentVariable environmentVariable(EnvironmentVariable domain) {
    software.amazon.awssdk.services.codebuild.model.EnvironmentVariable.Builder sdk = software.amazon.awssdk.services.codebuild.model.EnvironmentVariable.builder();
    domain.name().ifPresent(sdk::name);
    domain.value().ifPresent(sdk::value);
    domain.typeAsString().ifPresent(sdk::type);
    return sdk.build();
  }

  /** The domain's {@link RegistryCredential} as the SDK's {@code RegistryCredential}. */
  static software.amazon.awssdk.services.codebuild.model.RegistryCredential registryCredential(RegistryCredential domain) {
    software.amazon.awssdk.services.codebuild.model.RegistryCredential.Builder sdk = software.amazon.awssdk.services.codebuild.model.RegistryCredential.builder();
    domain.credential().ifPresent(sdk::credential);
    domain.credentialProviderAsString().ifPresent(sdk::credentialProvider);
    return sdk.build();
  }

  /** The domain's {@link DockerServer} as the SDK's {@code DockerServer}. */
  static software.amazon.awssdk.services.codebuild.model.DockerServer dockerServer(DockerServer domain) {
    software.amazon.awssdk.services.codebuild.model.DockerServer.Builder sdk = software.amazon.awssdk.services.codebuild.model.DockerServer.builder();
    domain.computeTypeAsString().ifPresent(sdk::computeType);
    if (domain.hasSecurityGroupIds()) {
      sdk.securityGroupIds(domain.securityGroupIds());
    }
    domain.status().map(DomainToSdk::dockerServerStatus).ifPresent(sdk::status);
    return sdk.build();
  }

  /** The domain's {@link DockerServerStatus} as the SDK's {@code DockerServerStatus}. */
  static software.amazon.awssdk.services.codebuild.model.DockerServerStatus dockerServerStatus(DockerServerStatus domain) {
    software.amazon.awssdk.services.codebuild.model.DockerServerStatus.Builder sdk = software.amazon.awssdk.services.codebuild.model.DockerServerStatus.builder();
    domain.status().ifPresent(sdk::status);
    domain.message().ifPresent(sdk::message);
    return sdk.build();
  }

  /** The domain's {@link LogsLocation} as the SDK's {@code LogsLocation}. */
  static software.amazon.awssdk.services.codebuild.model.LogsLocation logsLocation(LogsLocation domain) {
    software.amazon.awssdk.services.codebuild.model.LogsLocation.Builder sdk = software.amazon.awssdk.services.codebuild.model.LogsLocation.builder();
    domain.groupName().ifPresent(sdk::groupName);
    domain.streamName().ifPresent(sdk::streamName);
    domain.deepLink().ifPresent(sdk::deepLink);
    domain.s3DeepLink().ifPresent(sdk::s3DeepLink);
    domain.cloudWatchLogsArn().ifPresent(sdk::cloudWatchLogsArn);
    domain.s3LogsArn().ifPresent(sdk::s3LogsArn);
    domain.cloudWatchLogs().map(DomainToSdk::cloudWatchLogsConfig).ifPresent(sdk::cloudWatchLogs);
    domain.s3Logs().map(DomainToSdk::s3LogsConfig).ifPresent(sdk::s3Logs);
    return sdk.build();
  }

  /** The domain's {@link CloudWatchLogsConfig} as the SDK's {@code CloudWatchLogsConfig}. */
  static software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig cloudWatchLogsConfig(CloudWatchLogsConfig domain) {
    software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig.Builder sdk = software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig.builder();
    domain.statusAsString().ifPresent(sdk::status);
    domain.groupName().ifPresent(sdk::groupName);
    domain.streamName().ifPresent(sdk::streamName);
    return sdk.build();
  }

  /** The domain's {@link S3LogsConfig} as the SDK's {@code S3LogsConfig}. */
  static software.amazon.awssdk.services.codebuild.model.S3LogsConfig s3LogsConfig(S3LogsConfig domain) {
    software.amazon.awssdk.services.codebuild.model.S3LogsConfig.Builder sdk = software.amazon.awssdk.services.codebuild.model.S3LogsConfig.builder();
    domain.statusAsString().ifPresent(sdk::status);
    domain.location().ifPresent(sdk::location);
    domain.encryptionDisabled().ifPresent(sdk::encryptionDisabled);
    domain.bucketOwnerAccessAsString().ifPresent(sdk::bucketOwnerAccess);
    return sdk.build();
  }

  /** The domain's {@link VpcConfig} as the SDK's {@code VpcConfig}. */
  static software.amazon.awssdk.services.codebuild.model.VpcConfig vpcConfig(VpcConfig domain) {
    software.amazon.awssdk.services.codebuild.model.VpcConfig.Builder sdk = software.amazon.awssdk.services.codebuild.model.VpcConfig.builder();
    domain.vpcId().ifPresent(sdk::vpcId);
    if (domain.hasSubnets()) {
      sdk.subnets(domain.subnets());
    }
    if (domain.hasSecurityGroupIds()) {
      sdk.securityGroupIds(domain.securityGroupIds());
    }
    return sdk.build();
  }

  /** The domain's {@link NetworkInterface} as the SDK's {@code NetworkInterface}. */
  static software.amazon.awssdk.services.codebuild.model.NetworkInterface networkInterface(NetworkInterface domain) {
    software.amazon.awssdk.services.codebuild.model.NetworkInterface.Builder sdk = software.amazon.awssdk.services.codebuild.model.NetworkInterface.builder();
    domain.subnetId().ifPresent(sdk::subnetId);
    domain.networkInterfaceId().ifPresent(sdk::networkInterfaceId);
    return sdk.build();
  }

  /** The domain's {@link ExportedEnvironmentVariable} as the SDK's {@code ExportedEnvironmentVariable}. */
  static software.amazon.awssdk.services.codebuild.model.ExportedEnvironmentVariable exportedEnvironmentVariable(ExportedEnvironmentVariable domain) {
    software.amazon.awssdk.services.codebuild.model.ExportedEnvironmentVariable.Builder sdk = software.amazon.awssdk.services.codebuild.model.ExportedEnvironmentVariable.builder();
    domain.name().ifPresent(sdk::name);
    domain.value().ifPresent(sdk::value);
    return sdk.build();
  }

  /** The domain's {@link ProjectFileSystemLocation} as the SDK's {@code ProjectFileSystemLocation}. */
  static software.amazon.awssdk.services.codebuild.model.ProjectFileSystemLocation projectFileSystemLocation(ProjectFileSystemLocation domain) {
    software.amazon.awssdk.services.codebuild.model.ProjectFileSystemLocation.Builder sdk = software.amazon.awssdk.services.codebuild.model.ProjectFileSystemLocation.builder();
    domain.typeAsString().ifPresent(sdk::type);
    domain.location().ifPresent(sdk::location);
    domain.mountPoint().ifPresent(sdk::mountPoint);
    domain.identifier().ifPresent(sdk::identifier);
    domain.mountOptions().ifPresent(sdk::mountOptions);
    return sdk.build();
  }

  /** The domain's {@link DebugSession} as the SDK's {@code DebugSession}. */
  static software.amazon.awssdk.services.codebuild.model.DebugSession debugSession(DebugSession domain) {
    software.amazon.awssdk.services.codebuild.model.DebugSession.Builder sdk = software.amazon.awssdk.services.codebuild.model.DebugSession.builder();
    domain.sessionEnabled().ifPresent(sdk::sessionEnabled);
    domain.sessionTarget().ifPresent(sdk::sessionTarget);
    return sdk.build();
  }

  /** The domain's {@link AutoRetryConfig} as the SDK's {@code AutoRetryConfig}. */
  static software.amazon.awssdk.services.codebuild.model.AutoRetryConfig autoRetryConfig(AutoRetryConfig domain) {
    software.amazon.awssdk.services.codebuild.model.AutoRetryConfig.Builder sdk = software.amazon.awssdk.services.codebuild.model.AutoRetryConfig.builder();
    domain.autoRetryLimit().ifPresent(sdk::autoRetryLimit);
    domain.autoRetryNumber().ifPresent(sdk::autoRetryNumber);
    domain.nextAutoRetry().ifPresent(sdk::nextAutoRetry);
    domain.previousAutoRetry().ifPresent(sdk::previousAutoRetry);
    return sdk.build();
  }
}
