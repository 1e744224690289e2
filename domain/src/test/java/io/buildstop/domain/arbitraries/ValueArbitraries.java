package io.buildstop.domain.arbitraries;

import io.buildstop.domain.AutoRetryConfig;
import io.buildstop.domain.BucketOwnerAccess;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Arbitraries for every nested value type of a {@link io.buildstop.domain.Build}, each built through its Immutables
 * builder with every member optional (present with {@link Members#PRESENT}), every list absent, present-empty or
 * filled, and every enum-typed member a raw string that is, now and then, one this version does not know.
 *
 * <p>The values are arbitrary, not necessarily consistent with each other: for codecs and mappings. Builds in real
 * states come from {@link BuildArbitraries}.
 */
public final class ValueArbitraries {
  /** CodeBuild's launch (2016-10-06): no real instant is earlier. */
  public static final Instant EARLIEST = Instant.parse("2016-10-06T00:00:00Z");
  /** The latest instant generated. */
  public static final Instant LATEST = Instant.parse("2040-01-01T00:00:00Z");
  /** Values no enum of this version knows, as real responses carry them (spec §2). */
  public static final List<String> UNKNOWN_WIRE_VALUES = List.of("PENDING", "CLIENT_ERROR", "RETRY");

  // Lists stay short to keep generation fast: nothing in the domain depends on their length.
  private static final int FEW = 3;

  private ValueArbitraries() {}

  /** Instants with millisecond precision, as the wire carries them, between {@link #EARLIEST} and {@link #LATEST}. */
  public static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(EARLIEST.toEpochMilli(), LATEST.toEpochMilli()).map(Instant::ofEpochMilli);
  }

  /** Mostly identifier-like text, sometimes with quotes, backslashes, control and non-ASCII characters; may be "". */
  public static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.strings().alpha().numeric().withChars("-_/.:").ofMaxLength(24)),
        Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').withChars("\"\\\n\t\u00f8\u00e9\u65e5\u20ac")
            .ofMaxLength(16)));
  }

  /**
   * The wire values of {@code type} this version knows, and (one time in twenty) one it does not: see
   * {@link #unknownWireValues()}.
   */
  public static <E extends Enum<E>> Arbitrary<String> wireValues(Class<E> type) {
    List<String> known = Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .filter(name -> !name.equals("UNKNOWN_TO_SDK_VERSION"))
        .toList();
    return Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.of(known)), Tuple.of(1, unknownWireValues()));
  }

  /** Raw values no enum of this version knows: those seen in real responses and made-up {@code NEW_*} ones. */
  public static Arbitrary<String> unknownWireValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(UNKNOWN_WIRE_VALUES),
        Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12)
            .map(suffix -> "NEW_" + suffix));
  }

  private static Arbitrary<Boolean> flags() {
    return Arbitraries.of(true, false);
  }

  private static Arbitrary<Integer> ints() {
    return Arbitraries.integers().greaterOrEqual(0);
  }

  private static Arbitrary<Long> longs() {
    return Arbitraries.longs().greaterOrEqual(0);
  }

  /** {@link PhaseContext}: statusCode, message. */
  public static Arbitrary<PhaseContext> phaseContexts() {
    return Members.of(PhaseContext::builder)
        .optional(text(), (b, v) -> b.statusCode(v))
        .optional(text(), (b, v) -> b.message(v))
        .build(PhaseContext.Builder::build);
  }

  /** {@link BuildPhase}: any phase type and status (known or not), times, duration, contexts. */
  public static Arbitrary<BuildPhase> buildPhases() {
    return Members.of(BuildPhase::builder)
        .optional(wireValues(BuildPhaseType.class), (b, v) -> b.phaseTypeAsString(v))
        .optional(wireValues(StatusType.class), (b, v) -> b.phaseStatusAsString(v))
        .optional(instants(), (b, v) -> b.startTime(v))
        .optional(instants(), (b, v) -> b.endTime(v))
        .optional(longs(), (b, v) -> b.durationInSeconds(v))
        .list(phaseContexts(), FEW, (b, v) -> b.contexts(v), (b, v) -> b.hasContexts(v))
        .build(BuildPhase.Builder::build);
  }

  /** {@link SourceAuth}: type, resource. */
  public static Arbitrary<SourceAuth> sourceAuths() {
    return Members.of(SourceAuth::builder)
        .optional(wireValues(SourceAuthType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.resource(v))
        .build(SourceAuth.Builder::build);
  }

  /** {@link GitSubmodulesConfig}: fetchSubmodules. */
  public static Arbitrary<GitSubmodulesConfig> gitSubmodulesConfigs() {
    return Members.of(GitSubmodulesConfig::builder)
        .optional(flags(), (b, v) -> b.fetchSubmodules(v))
        .build(GitSubmodulesConfig.Builder::build);
  }

  /** {@link BuildStatusConfig}: context, targetUrl. */
  public static Arbitrary<BuildStatusConfig> buildStatusConfigs() {
    return Members.of(BuildStatusConfig::builder)
        .optional(text(), (b, v) -> b.context(v))
        .optional(text(), (b, v) -> b.targetUrl(v))
        .build(BuildStatusConfig.Builder::build);
  }

  /** {@link ProjectSource}: every member, with auth, gitSubmodulesConfig and buildStatusConfig. */
  public static Arbitrary<ProjectSource> projectSources() {
    return Members.of(ProjectSource::builder)
        .optional(wireValues(SourceType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .optional(ints(), (b, v) -> b.gitCloneDepth(v))
        .optional(gitSubmodulesConfigs(), (b, v) -> b.gitSubmodulesConfig(v))
        .optional(text(), (b, v) -> b.buildspec(v))
        .optional(sourceAuths(), (b, v) -> b.auth(v))
        .optional(flags(), (b, v) -> b.reportBuildStatus(v))
        .optional(buildStatusConfigs(), (b, v) -> b.buildStatusConfig(v))
        .optional(flags(), (b, v) -> b.insecureSsl(v))
        .optional(text(), (b, v) -> b.sourceIdentifier(v))
        .build(ProjectSource.Builder::build);
  }

  /** {@link ProjectSourceVersion}: sourceIdentifier, sourceVersion. */
  public static Arbitrary<ProjectSourceVersion> projectSourceVersions() {
    return Members.of(ProjectSourceVersion::builder)
        .optional(text(), (b, v) -> b.sourceIdentifier(v))
        .optional(text(), (b, v) -> b.sourceVersion(v))
        .build(ProjectSourceVersion.Builder::build);
  }

  /** {@link BuildArtifacts}: every member, bucketOwnerAccess known or not. */
  public static Arbitrary<BuildArtifacts> buildArtifacts() {
    return Members.of(BuildArtifacts::builder)
        .optional(text(), (b, v) -> b.location(v))
        .optional(text(), (b, v) -> b.sha256sum(v))
        .optional(text(), (b, v) -> b.md5sum(v))
        .optional(flags(), (b, v) -> b.overrideArtifactName(v))
        .optional(flags(), (b, v) -> b.encryptionDisabled(v))
        .optional(text(), (b, v) -> b.artifactIdentifier(v))
        .optional(wireValues(BucketOwnerAccess.class), (b, v) -> b.bucketOwnerAccessAsString(v))
        .build(BuildArtifacts.Builder::build);
  }

  /** {@link ProjectCache}: type, location, modes (a list with its flag), cacheNamespace. */
  public static Arbitrary<ProjectCache> projectCaches() {
    return Members.of(ProjectCache::builder)
        .optional(wireValues(CacheType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .list(wireValues(CacheMode.class), FEW, (b, v) -> b.modesAsStrings(v), (b, v) -> b.hasModes(v))
        .optional(text(), (b, v) -> b.cacheNamespace(v))
        .build(ProjectCache.Builder::build);
  }

  /** {@link ComputeConfiguration}: vCpu, memory, disk, machineType, instanceType. */
  public static Arbitrary<ComputeConfiguration> computeConfigurations() {
    return Members.of(ComputeConfiguration::builder)
        .optional(longs(), (b, v) -> b.vCpu(v))
        .optional(longs(), (b, v) -> b.memory(v))
        .optional(longs(), (b, v) -> b.disk(v))
        .optional(wireValues(MachineType.class), (b, v) -> b.machineTypeAsString(v))
        .optional(text(), (b, v) -> b.instanceType(v))
        .build(ComputeConfiguration.Builder::build);
  }

  /** {@link ProjectFleet}: fleetArn. */
  public static Arbitrary<ProjectFleet> projectFleets() {
    return Members.of(ProjectFleet::builder)
        .optional(text(), (b, v) -> b.fleetArn(v))
        .build(ProjectFleet.Builder::build);
  }

  /** {@link EnvironmentVariable}: name, value (redacted in toString), type. */
  public static Arbitrary<EnvironmentVariable> environmentVariables() {
    return Members.of(EnvironmentVariable::builder)
        .optional(text(), (b, v) -> b.name(v))
        .optional(text(), (b, v) -> b.value(v))
        .optional(wireValues(EnvironmentVariableType.class), (b, v) -> b.typeAsString(v))
        .build(EnvironmentVariable.Builder::build);
  }

  /** {@link RegistryCredential}: credential (redacted in toString), credentialProvider. */
  public static Arbitrary<RegistryCredential> registryCredentials() {
    return Members.of(RegistryCredential::builder)
        .optional(text(), (b, v) -> b.credential(v))
        .optional(wireValues(CredentialProviderType.class), (b, v) -> b.credentialProviderAsString(v))
        .build(RegistryCredential.Builder::build);
  }

  /** {@link DockerServerStatus}: status, message. */
  public static Arbitrary<DockerServerStatus> dockerServerStatuses() {
    return Members.of(DockerServerStatus::builder)
        .optional(text(), (b, v) -> b.status(v))
        .optional(text(), (b, v) -> b.message(v))
        .build(DockerServerStatus.Builder::build);
  }

  /** {@link DockerServer}: computeType, securityGroupIds (a list with its flag), status. */
  public static Arbitrary<DockerServer> dockerServers() {
    return Members.of(DockerServer::builder)
        .optional(wireValues(ComputeType.class), (b, v) -> b.computeTypeAsString(v))
        .list(text(), FEW, (b, v) -> b.securityGroupIds(v), (b, v) -> b.hasSecurityGroupIds(v))
        .optional(dockerServerStatuses(), (b, v) -> b.status(v))
        .build(DockerServer.Builder::build);
  }

  /** {@link ProjectEnvironment}: every member, with computeConfiguration, fleet, variables, credential, docker. */
  public static Arbitrary<ProjectEnvironment> projectEnvironments() {
    return Members.of(ProjectEnvironment::builder)
        .optional(wireValues(EnvironmentType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.image(v))
        .optional(wireValues(ComputeType.class), (b, v) -> b.computeTypeAsString(v))
        .optional(computeConfigurations(), (b, v) -> b.computeConfiguration(v))
        .optional(projectFleets(), (b, v) -> b.fleet(v))
        .list(environmentVariables(), FEW, (b, v) -> b.environmentVariables(v),
            (b, v) -> b.hasEnvironmentVariables(v))
        .optional(flags(), (b, v) -> b.privilegedMode(v))
        .optional(text(), (b, v) -> b.certificate(v))
        .optional(registryCredentials(), (b, v) -> b.registryCredential(v))
        .optional(wireValues(ImagePullCredentialsType.class), (b, v) -> b.imagePullCredentialsTypeAsString(v))
        .optional(dockerServers(), (b, v) -> b.dockerServer(v))
        .build(ProjectEnvironment.Builder::build);
  }

  /** {@link CloudWatchLogsConfig}: status, groupName, streamName. */
  public static Arbitrary<CloudWatchLogsConfig> cloudWatchLogsConfigs() {
    return Members.of(CloudWatchLogsConfig::builder)
        .optional(wireValues(LogsConfigStatusType.class), (b, v) -> b.statusAsString(v))
        .optional(text(), (b, v) -> b.groupName(v))
        .optional(text(), (b, v) -> b.streamName(v))
        .build(CloudWatchLogsConfig.Builder::build);
  }

  /** {@link S3LogsConfig}: status, location, encryptionDisabled, bucketOwnerAccess. */
  public static Arbitrary<S3LogsConfig> s3LogsConfigs() {
    return Members.of(S3LogsConfig::builder)
        .optional(wireValues(LogsConfigStatusType.class), (b, v) -> b.statusAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .optional(flags(), (b, v) -> b.encryptionDisabled(v))
        .optional(wireValues(BucketOwnerAccess.class), (b, v) -> b.bucketOwnerAccessAsString(v))
        .build(S3LogsConfig.Builder::build);
  }

  /** {@link LogsLocation}: every member, with cloudWatchLogs and s3Logs. */
  public static Arbitrary<LogsLocation> logsLocations() {
    return Members.of(LogsLocation::builder)
        .optional(text(), (b, v) -> b.groupName(v))
        .optional(text(), (b, v) -> b.streamName(v))
        .optional(text(), (b, v) -> b.deepLink(v))
        .optional(text(), (b, v) -> b.s3DeepLink(v))
        .optional(text(), (b, v) -> b.cloudWatchLogsArn(v))
        .optional(text(), (b, v) -> b.s3LogsArn(v))
        .optional(cloudWatchLogsConfigs(), (b, v) -> b.cloudWatchLogs(v))
        .optional(s3LogsConfigs(), (b, v) -> b.s3Logs(v))
        .build(LogsLocation.Builder::build);
  }

  /** {@link VpcConfig}: vpcId, subnets, securityGroupIds, lists with their flags. */
  public static Arbitrary<VpcConfig> vpcConfigs() {
    return Members.of(VpcConfig::builder)
        .optional(text(), (b, v) -> b.vpcId(v))
        .list(text(), FEW, (b, v) -> b.subnets(v), (b, v) -> b.hasSubnets(v))
        .list(text(), FEW, (b, v) -> b.securityGroupIds(v), (b, v) -> b.hasSecurityGroupIds(v))
        .build(VpcConfig.Builder::build);
  }

  /** {@link NetworkInterface}: subnetId, networkInterfaceId. */
  public static Arbitrary<NetworkInterface> networkInterfaces() {
    return Members.of(NetworkInterface::builder)
        .optional(text(), (b, v) -> b.subnetId(v))
        .optional(text(), (b, v) -> b.networkInterfaceId(v))
        .build(NetworkInterface.Builder::build);
  }

  /** {@link ExportedEnvironmentVariable}: name, value. */
  public static Arbitrary<ExportedEnvironmentVariable> exportedEnvironmentVariables() {
    return Members.of(ExportedEnvironmentVariable::builder)
        .optional(text(), (b, v) -> b.name(v))
        .optional(text(), (b, v) -> b.value(v))
        .build(ExportedEnvironmentVariable.Builder::build);
  }

  /** {@link ProjectFileSystemLocation}: type, location, mountPoint, identifier, mountOptions. */
  public static Arbitrary<ProjectFileSystemLocation> projectFileSystemLocations() {
    return Members.of(ProjectFileSystemLocation::builder)
        .optional(wireValues(FileSystemType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .optional(text(), (b, v) -> b.mountPoint(v))
        .optional(text(), (b, v) -> b.identifier(v))
        .optional(text(), (b, v) -> b.mountOptions(v))
        .build(ProjectFileSystemLocation.Builder::build);
  }

  /** {@link DebugSession}: sessionEnabled, sessionTarget. */
  public static Arbitrary<DebugSession> debugSessions() {
    return Members.of(DebugSession::builder)
        .optional(flags(), (b, v) -> b.sessionEnabled(v))
        .optional(text(), (b, v) -> b.sessionTarget(v))
        .build(DebugSession.Builder::build);
  }

  /** {@link AutoRetryConfig}: autoRetryLimit, autoRetryNumber, nextAutoRetry, previousAutoRetry. */
  public static Arbitrary<AutoRetryConfig> autoRetryConfigs() {
    return Members.of(AutoRetryConfig::builder)
        .optional(Arbitraries.integers().between(0, 10), (b, v) -> b.autoRetryLimit(v))
        .optional(Arbitraries.integers().between(0, 10), (b, v) -> b.autoRetryNumber(v))
        .optional(text(), (b, v) -> b.nextAutoRetry(v))
        .optional(text(), (b, v) -> b.previousAutoRetry(v))
        .build(AutoRetryConfig.Builder::build);
  }
}
