package io.buildstop.wire;

import io.buildstop.domain.AutoRetryConfig;
import io.buildstop.domain.BucketOwnerAccess;
import io.buildstop.domain.Build;
import io.buildstop.domain.BuildArtifacts;
import io.buildstop.domain.BuildPhase;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.BuildStatusConfig;
import io.buildstop.domain.CacheMode;
import io.buildstop.domain.CacheType;
import io.buildstop.domain.CloudWatchLogsConfig;
import io.buildstop.domain.ComputeConfiguration;
import io.buildstop.domain.ComputeType;
import io.buildstop.domain.CredentialProviderType;
import io.buildstop.domain.DebugSession;
import io.buildstop.domain.DockerServer;
import io.buildstop.domain.DockerServerStatus;
import io.buildstop.domain.EnvironmentType;
import io.buildstop.domain.EnvironmentVariable;
import io.buildstop.domain.EnvironmentVariableType;
import io.buildstop.domain.ExportedEnvironmentVariable;
import io.buildstop.domain.FileSystemType;
import io.buildstop.domain.GitSubmodulesConfig;
import io.buildstop.domain.ImagePullCredentialsType;
import io.buildstop.domain.LogsConfigStatusType;
import io.buildstop.domain.LogsLocation;
import io.buildstop.domain.MachineType;
import io.buildstop.domain.NetworkInterface;
import io.buildstop.domain.PhaseContext;
import io.buildstop.domain.ProjectCache;
import io.buildstop.domain.ProjectEnvironment;
import io.buildstop.domain.ProjectFileSystemLocation;
import io.buildstop.domain.ProjectFleet;
import io.buildstop.domain.ProjectSource;
import io.buildstop.domain.ProjectSourceVersion;
import io.buildstop.domain.RegistryCredential;
import io.buildstop.domain.S3LogsConfig;
import io.buildstop.domain.SourceAuth;
import io.buildstop.domain.SourceAuthType;
import io.buildstop.domain.SourceType;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.VpcConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.domains.DomainContextBase;

/**
 * Builds with any member of any nested shape set or absent, lists absent, sent empty or holding items, enum members
 * known or unknown to this version, and timestamps to the millisecond, as CodeBuild sends them.
 */
class BuildDomain extends DomainContextBase {

  private static final double PRESENT = 0.7;
  // 1900-01-01 to 2200-01-01: both sides of the epoch, far beyond any real build
  private static final long EARLIEST_MILLI = -2_208_988_800_000L;
  private static final long LATEST_MILLI = 7_258_118_400_000L;

  @Provide
  Arbitrary<Build> builds() {
    return Builders.withBuilder(Build::builder)
        .use(maybe(text())).in((b, v) -> b.id(v))
        .use(maybe(text())).in((b, v) -> b.arn(v))
        .use(maybe(Arbitraries.longs())).in((b, v) -> b.buildNumber(v))
        .use(maybe(instants())).in((b, v) -> b.startTime(v))
        .use(maybe(instants())).in((b, v) -> b.endTime(v))
        .use(maybe(raw(BuildPhaseType.values()))).in((b, v) -> b.currentPhaseAsString(v))
        .use(maybe(raw(StatusType.values()))).in((b, v) -> b.buildStatusAsString(v))
        .use(maybe(text())).in((b, v) -> b.sourceVersion(v))
        .use(maybe(text())).in((b, v) -> b.resolvedSourceVersion(v))
        .use(maybe(text())).in((b, v) -> b.projectName(v))
        .use(sent(phases())).in((b, v) -> b.phases(v.items()).hasPhases(v.sent()))
        .use(maybe(sources())).in((b, v) -> b.source(v))
        .use(sent(sources())).in((b, v) -> b.secondarySources(v.items()).hasSecondarySources(v.sent()))
        .use(sent(sourceVersions()))
        .in((b, v) -> b.secondarySourceVersions(v.items()).hasSecondarySourceVersions(v.sent()))
        .use(maybe(artifacts())).in((b, v) -> b.artifacts(v))
        .use(sent(artifacts())).in((b, v) -> b.secondaryArtifacts(v.items()).hasSecondaryArtifacts(v.sent()))
        .use(maybe(caches())).in((b, v) -> b.cache(v))
        .use(maybe(environments())).in((b, v) -> b.environment(v))
        .use(maybe(text())).in((b, v) -> b.serviceRole(v))
        .use(maybe(logs())).in((b, v) -> b.logs(v))
        .use(maybe(Arbitraries.integers())).in((b, v) -> b.timeoutInMinutes(v))
        .use(maybe(Arbitraries.integers())).in((b, v) -> b.queuedTimeoutInMinutes(v))
        .use(maybe(Arbitraries.of(true, false))).in((b, v) -> b.buildComplete(v))
        .use(maybe(text())).in((b, v) -> b.initiator(v))
        .use(maybe(vpcConfigs())).in((b, v) -> b.vpcConfig(v))
        .use(maybe(networkInterfaces())).in((b, v) -> b.networkInterface(v))
        .use(maybe(text())).in((b, v) -> b.encryptionKey(v))
        .use(sent(exportedVariables()))
        .in((b, v) -> b.exportedEnvironmentVariables(v.items()).hasExportedEnvironmentVariables(v.sent()))
        .use(sent(text())).in((b, v) -> b.reportArns(v.items()).hasReportArns(v.sent()))
        .use(sent(fileSystemLocations()))
        .in((b, v) -> b.fileSystemLocations(v.items()).hasFileSystemLocations(v.sent()))
        .use(maybe(debugSessions())).in((b, v) -> b.debugSession(v))
        .use(maybe(text())).in((b, v) -> b.buildBatchArn(v))
        .use(maybe(autoRetryConfigs())).in((b, v) -> b.autoRetryConfig(v))
        .build(Build.Builder::build);
  }

  /** A list member as the wire knows it: absent, sent as {@code []}, or sent with items. */
  record Sent<T>(List<T> items, boolean sent) {}

  static <T> Arbitrary<Sent<T>> sent(Arbitrary<T> item) {
    return Arbitraries.frequencyOf(List.of(
        Tuple.of(1, Arbitraries.just(new Sent<T>(List.of(), false))),
        Tuple.of(1, Arbitraries.just(new Sent<T>(List.of(), true))),
        Tuple.of(2, item.list().ofMinSize(1).ofMaxSize(3).map(items -> new Sent<>(items, true)))));
  }

  static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> value) {
    return value.optional(PRESENT);
  }

  /** Text of every kind: empty, ids with colons, and any unicode, escapes and quotes included. */
  static Arbitrary<String> text() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.strings().alpha().numeric().withChars(":-_/.").ofMaxLength(20),
        Arbitraries.strings().all().ofMaxLength(8),
        Arbitraries.of("", "my-demo-project::12345678-a1b2", "\"quoted\\\"", "line\nbreak", "null")));
  }

  /** The raw value of an open enum: mostly a known value, sometimes one a newer CodeBuild might send. */
  static <E extends Enum<E>> Arbitrary<String> raw(E[] values) {
    List<String> known = Arrays.stream(values)
        .filter(value -> !value.name().equals("UNKNOWN_TO_SDK_VERSION"))
        // every enum here spells its wire value as its name
        .map(Enum::name)
        .toList();
    Arbitrary<String> unknown = Arbitraries.oneOf(List.of(
        Arbitraries.of("PENDING", "CLIENT_ERROR", "RETRY", "UNKNOWN_TO_SDK_VERSION", "stopped", ""),
        Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12)));
    return Arbitraries.frequencyOf(List.of(Tuple.of(4, Arbitraries.of(known)), Tuple.of(1, unknown)));
  }

  static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(EARLIEST_MILLI, LATEST_MILLI).map(Instant::ofEpochMilli);
  }

  static Arbitrary<Boolean> booleans() {
    return Arbitraries.of(true, false);
  }

  static Arbitrary<BuildPhase> phases() {
    return Builders.withBuilder(BuildPhase::builder)
        .use(maybe(raw(BuildPhaseType.values()))).in((b, v) -> b.phaseTypeAsString(v))
        .use(maybe(raw(StatusType.values()))).in((b, v) -> b.phaseStatusAsString(v))
        .use(maybe(instants())).in((b, v) -> b.startTime(v))
        .use(maybe(instants())).in((b, v) -> b.endTime(v))
        .use(maybe(Arbitraries.longs())).in((b, v) -> b.durationInSeconds(v))
        .use(sent(phaseContexts())).in((b, v) -> b.contexts(v.items()).hasContexts(v.sent()))
        .build(BuildPhase.Builder::build);
  }

  static Arbitrary<PhaseContext> phaseContexts() {
    return Builders.withBuilder(PhaseContext::builder)
        .use(maybe(text())).in((b, v) -> b.statusCode(v))
        .use(maybe(text())).in((b, v) -> b.message(v))
        .build(PhaseContext.Builder::build);
  }

  static Arbitrary<ProjectSource> sources() {
    return Builders.withBuilder(ProjectSource::builder)
        .use(maybe(raw(SourceType.values()))).in((b, v) -> b.typeAsString(v))
        .use(maybe(text())).in((b, v) -> b.location(v))
        .use(maybe(Arbitraries.integers())).in((b, v) -> b.gitCloneDepth(v))
        .use(maybe(booleans().map(v -> GitSubmodulesConfig.builder().fetchSubmodules(v).build())))
        .in((b, v) -> b.gitSubmodulesConfig(v))
        .use(maybe(text())).in((b, v) -> b.buildspec(v))
        .use(maybe(sourceAuths())).in((b, v) -> b.auth(v))
        .use(maybe(booleans())).in((b, v) -> b.reportBuildStatus(v))
        .use(maybe(buildStatusConfigs())).in((b, v) -> b.buildStatusConfig(v))
        .use(maybe(booleans())).in((b, v) -> b.insecureSsl(v))
        .use(maybe(text())).in((b, v) -> b.sourceIdentifier(v))
        .build(ProjectSource.Builder::build);
  }

  static Arbitrary<SourceAuth> sourceAuths() {
    return Builders.withBuilder(SourceAuth::builder)
        .use(maybe(raw(SourceAuthType.values()))).in((b, v) -> b.typeAsString(v))
        .use(maybe(text())).in((b, v) -> b.resource(v))
        .build(SourceAuth.Builder::build);
  }

  static Arbitrary<BuildStatusConfig> buildStatusConfigs() {
    return Builders.withBuilder(BuildStatusConfig::builder)
        .use(maybe(text())).in((b, v) -> b.context(v))
        .use(maybe(text())).in((b, v) -> b.targetUrl(v))
        .build(BuildStatusConfig.Builder::build);
  }

  static Arbitrary<ProjectSourceVersion> sourceVersions() {
    return Builders.withBuilder(ProjectSourceVersion::builder)
        .use(maybe(text())).in((b, v) -> b.sourceIdentifier(v))
        .use(maybe(text())).in((b, v) -> b.sourceVersion(v))
        .build(ProjectSourceVersion.Builder::build);
  }

  static Arbitrary<BuildArtifacts> artifacts() {
    return Builders.withBuilder(BuildArtifacts::builder)
        .use(maybe(text())).in((b, v) -> b.location(v))
        .use(maybe(text())).in((b, v) -> b.sha256sum(v))
        .use(maybe(text())).in((b, v) -> b.md5sum(v))
        .use(maybe(booleans())).in((b, v) -> b.overrideArtifactName(v))
        .use(maybe(booleans())).in((b, v) -> b.encryptionDisabled(v))
        .use(maybe(text())).in((b, v) -> b.artifactIdentifier(v))
        .use(maybe(raw(BucketOwnerAccess.values()))).in((b, v) -> b.bucketOwnerAccessAsString(v))
        .build(BuildArtifacts.Builder::build);
  }

  static Arbitrary<ProjectCache> caches() {
    return Builders.withBuilder(ProjectCache::builder)
        .use(maybe(raw(CacheType.values()))).in((b, v) -> b.typeAsString(v))
        .use(maybe(text())).in((b, v) -> b.location(v))
        .use(sent(raw(CacheMode.values()))).in((b, v) -> b.modesAsStrings(v.items()).hasModes(v.sent()))
        .use(maybe(text())).in((b, v) -> b.cacheNamespace(v))
        .build(ProjectCache.Builder::build);
  }

  static Arbitrary<ProjectEnvironment> environments() {
    return Builders.withBuilder(ProjectEnvironment::builder)
        .use(maybe(raw(EnvironmentType.values()))).in((b, v) -> b.typeAsString(v))
        .use(maybe(text())).in((b, v) -> b.image(v))
        .use(maybe(raw(ComputeType.values()))).in((b, v) -> b.computeTypeAsString(v))
        .use(maybe(computeConfigurations())).in((b, v) -> b.computeConfiguration(v))
        .use(maybe(text().map(v -> ProjectFleet.builder().fleetArn(v).build()))).in((b, v) -> b.fleet(v))
        .use(sent(environmentVariables()))
        .in((b, v) -> b.environmentVariables(v.items()).hasEnvironmentVariables(v.sent()))
        .use(maybe(booleans())).in((b, v) -> b.privilegedMode(v))
        .use(maybe(text())).in((b, v) -> b.certificate(v))
        .use(maybe(registryCredentials())).in((b, v) -> b.registryCredential(v))
        .use(maybe(raw(ImagePullCredentialsType.values()))).in((b, v) -> b.imagePullCredentialsTypeAsString(v))
        .use(maybe(dockerServers())).in((b, v) -> b.dockerServer(v))
        .build(ProjectEnvironment.Builder::build);
  }

  static Arbitrary<ComputeConfiguration> computeConfigurations() {
    return Builders.withBuilder(ComputeConfiguration::builder)
        .use(maybe(Arbitraries.longs())).in((b, v) -> b.vCpu(v))
        .use(maybe(Arbitraries.longs())).in((b, v) -> b.memory(v))
        .use(maybe(Arbitraries.longs())).in((b, v) -> b.disk(v))
        .use(maybe(raw(MachineType.values()))).in((b, v) -> b.machineTypeAsString(v))
        .use(maybe(text())).in((b, v) -> b.instanceType(v))
        .build(ComputeConfiguration.Builder::build);
  }

  static Arbitrary<EnvironmentVariable> environmentVariables() {
    return Builders.withBuilder(EnvironmentVariable::builder)
        .use(maybe(text())).in((b, v) -> b.name(v))
        .use(maybe(text())).in((b, v) -> b.value(v))
        .use(maybe(raw(EnvironmentVariableType.values()))).in((b, v) -> b.typeAsString(v))
        .build(EnvironmentVariable.Builder::build);
  }

  static Arbitrary<RegistryCredential> registryCredentials() {
    return Builders.withBuilder(RegistryCredential::builder)
        .use(maybe(text())).in((b, v) -> b.credential(v))
        .use(maybe(raw(CredentialProviderType.values()))).in((b, v) -> b.credentialProviderAsString(v))
        .build(RegistryCredential.Builder::build);
  }

  static Arbitrary<DockerServer> dockerServers() {
    Arbitrary<DockerServerStatus> statuses = Builders.withBuilder(DockerServerStatus::builder)
        .use(maybe(text())).in((b, v) -> b.status(v))
        .use(maybe(text())).in((b, v) -> b.message(v))
        .build(DockerServerStatus.Builder::build);
    return Builders.withBuilder(DockerServer::builder)
        .use(maybe(raw(ComputeType.values()))).in((b, v) -> b.computeTypeAsString(v))
        .use(sent(text())).in((b, v) -> b.securityGroupIds(v.items()).hasSecurityGroupIds(v.sent()))
        .use(maybe(statuses)).in((b, v) -> b.status(v))
        .build(DockerServer.Builder::build);
  }

  static Arbitrary<LogsLocation> logs() {
    Arbitrary<CloudWatchLogsConfig> cloudWatch = Builders.withBuilder(CloudWatchLogsConfig::builder)
        .use(maybe(raw(LogsConfigStatusType.values()))).in((b, v) -> b.statusAsString(v))
        .use(maybe(text())).in((b, v) -> b.groupName(v))
        .use(maybe(text())).in((b, v) -> b.streamName(v))
        .build(CloudWatchLogsConfig.Builder::build);
    Arbitrary<S3LogsConfig> s3 = Builders.withBuilder(S3LogsConfig::builder)
        .use(maybe(raw(LogsConfigStatusType.values()))).in((b, v) -> b.statusAsString(v))
        .use(maybe(text())).in((b, v) -> b.location(v))
        .use(maybe(booleans())).in((b, v) -> b.encryptionDisabled(v))
        .use(maybe(raw(BucketOwnerAccess.values()))).in((b, v) -> b.bucketOwnerAccessAsString(v))
        .build(S3LogsConfig.Builder::build);
    return Builders.withBuilder(LogsLocation::builder)
        .use(maybe(text())).in((b, v) -> b.groupName(v))
        .use(maybe(text())).in((b, v) -> b.streamName(v))
        .use(maybe(text())).in((b, v) -> b.deepLink(v))
        .use(maybe(text())).in((b, v) -> b.s3DeepLink(v))
        .use(maybe(text())).in((b, v) -> b.cloudWatchLogsArn(v))
        .use(maybe(text())).in((b, v) -> b.s3LogsArn(v))
        .use(maybe(cloudWatch)).in((b, v) -> b.cloudWatchLogs(v))
        .use(maybe(s3)).in((b, v) -> b.s3Logs(v))
        .build(LogsLocation.Builder::build);
  }

  static Arbitrary<VpcConfig> vpcConfigs() {
    return Builders.withBuilder(VpcConfig::builder)
        .use(maybe(text())).in((b, v) -> b.vpcId(v))
        .use(sent(text())).in((b, v) -> b.subnets(v.items()).hasSubnets(v.sent()))
        .use(sent(text())).in((b, v) -> b.securityGroupIds(v.items()).hasSecurityGroupIds(v.sent()))
        .build(VpcConfig.Builder::build);
  }

  static Arbitrary<NetworkInterface> networkInterfaces() {
    return Builders.withBuilder(NetworkInterface::builder)
        .use(maybe(text())).in((b, v) -> b.subnetId(v))
        .use(maybe(text())).in((b, v) -> b.networkInterfaceId(v))
        .build(NetworkInterface.Builder::build);
  }

  static Arbitrary<ExportedEnvironmentVariable> exportedVariables() {
    return Builders.withBuilder(ExportedEnvironmentVariable::builder)
        .use(maybe(text())).in((b, v) -> b.name(v))
        .use(maybe(text())).in((b, v) -> b.value(v))
        .build(ExportedEnvironmentVariable.Builder::build);
  }

  static Arbitrary<ProjectFileSystemLocation> fileSystemLocations() {
    return Builders.withBuilder(ProjectFileSystemLocation::builder)
        .use(maybe(raw(FileSystemType.values()))).in((b, v) -> b.typeAsString(v))
        .use(maybe(text())).in((b, v) -> b.location(v))
        .use(maybe(text())).in((b, v) -> b.mountPoint(v))
        .use(maybe(text())).in((b, v) -> b.identifier(v))
        .use(maybe(text())).in((b, v) -> b.mountOptions(v))
        .build(ProjectFileSystemLocation.Builder::build);
  }

  static Arbitrary<DebugSession> debugSessions() {
    return Builders.withBuilder(DebugSession::builder)
        .use(maybe(booleans())).in((b, v) -> b.sessionEnabled(v))
        .use(maybe(text())).in((b, v) -> b.sessionTarget(v))
        .build(DebugSession.Builder::build);
  }

  static Arbitrary<AutoRetryConfig> autoRetryConfigs() {
    return Builders.withBuilder(AutoRetryConfig::builder)
        .use(maybe(Arbitraries.integers())).in((b, v) -> b.autoRetryLimit(v))
        .use(maybe(Arbitraries.integers())).in((b, v) -> b.autoRetryNumber(v))
        .use(maybe(text())).in((b, v) -> b.nextAutoRetry(v))
        .use(maybe(text())).in((b, v) -> b.previousAutoRetry(v))
        .build(AutoRetryConfig.Builder::build);
  }
}
