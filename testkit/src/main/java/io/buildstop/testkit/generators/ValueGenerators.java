package io.buildstop.testkit.generators;

import io.buildstop.domain.model.AutoRetryConfig;
import io.buildstop.domain.model.BucketOwnerAccess;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.BuildStatusConfig;
import io.buildstop.domain.model.CacheMode;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.ComputeConfiguration;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.CredentialProviderType;
import io.buildstop.domain.model.DebugSession;
import io.buildstop.domain.model.DockerServer;
import io.buildstop.domain.model.DockerServerStatus;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.ExportedEnvironmentVariable;
import io.buildstop.domain.model.FileSystemType;
import io.buildstop.domain.model.GitSubmodulesConfig;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsConfigStatusType;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.MachineType;
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
import io.buildstop.domain.model.SourceAuthType;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.domain.model.VpcConfig;
import io.buildstop.testkit.properties.Gens;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Generators for every nested value type of a {@link io.buildstop.domain.model.Build}, each built through its Immutables
 * builder with every member optional (present with {@link Members#PRESENT}), every list absent, present-empty or
 * filled, and every enum-typed member a raw string that is, now and then, one this version does not know.
 *
 * <p>The values are arbitrary, not necessarily consistent with each other: for codecs and mappings. Builds in real
 * states come from {@link BuildGenerators}. Enum-typed members are set through their {@code *AsString} builder
 * methods, so unknown values from a newer CodeBuild appear as they would on the wire (spec §2).
 */
public final class ValueGenerators {
  /** CodeBuild's launch (2016-10-06): no real instant is earlier. */
  public static final Instant EARLIEST = Instant.parse("2016-10-06T00:00:00Z");
  /** The latest instant generated. */
  public static final Instant LATEST = Instant.parse("2040-01-01T00:00:00Z");
  /** Values no enum of this version knows, as real responses carry them (spec §2). */
  public static final List<String> UNKNOWN_WIRE_VALUES = List.of("PENDING", "CLIENT_ERROR", "RETRY");

  // Lists stay short to keep generation fast: nothing in the domain depends on their length.
  private static final int FEW = 3;
  private static final String PRINTABLE_ASCII = printableAscii();

  private ValueGenerators() {}

  private static String printableAscii() {
    StringBuilder characters = new StringBuilder();
    for (char c = ' '; c <= '~'; c++) {
      characters.append(c);
    }
    return characters.toString();
  }

  /** Instants with millisecond precision, as the wire carries them, between {@link #EARLIEST} and {@link #LATEST}. */
  public static Gen<Instant> instants() {
    return Gens.longs(EARLIEST.toEpochMilli(), LATEST.toEpochMilli()).map(Instant::ofEpochMilli);
  }

  /**
   * Mostly identifier-like text, sometimes with quotes, backslashes, control and non-ASCII characters, now and then
   * any UTF-16 characters (lone surrogates included) or text that looks like JSON's own words; may be "".
   */
  public static Gen<String> text() {
    return Gens.weighted(
        16, Gens.strings(Gens.ALPHANUMERIC + "-_/.:", 0, 24),
        4, Gens.strings(PRINTABLE_ASCII + "\"\\\n\t\u00f8\u00e9\u65e5\u20ac", 0, 16),
        1, Gens.strings('\u0000', '\uffff', 0, 8),
        1, Gens.oneOf("", "my-demo-project::12345678-a1b2", "\"quoted\\\"", "line\nbreak", "null"));
  }

  /** Instants anywhere from 1900 to 2200, both sides of the epoch, to the millisecond: for codecs. */
  public static Gen<Instant> anyInstants() {
    return Gens.longs(-2_208_988_800_000L, 7_258_118_400_000L).map(Instant::ofEpochMilli);
  }

  /**
   * The wire values of {@code type} this version knows, and (one time in twenty) one it does not: see
   * {@link #unknownWireValues()}.
   */
  public static <E extends Enum<E>> Gen<String> wireValues(Class<E> type) {
    List<String> known = Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .filter(name -> !name.equals("UNKNOWN_TO_SDK_VERSION"))
        .toList();
    return Gens.weighted(19, Gens.oneOf(known), 1, unknownWireValues());
  }

  /**
   * Raw values no enum of this version knows: those seen in real responses, made-up {@code NEW_*} ones, and the odd
   * ones a codec must carry through ({@code UNKNOWN_TO_SDK_VERSION} itself, lower case, empty).
   */
  public static Gen<String> unknownWireValues() {
    return Gens.weighted(
        4, Gens.oneOf(UNKNOWN_WIRE_VALUES),
        4, Gens.strings("ABCDEFGHIJKLMNOPQRSTUVWXYZ_", 1, 12).map(suffix -> "NEW_" + suffix),
        1, Gens.oneOf("UNKNOWN_TO_SDK_VERSION", "stopped", ""));
  }

  private static Gen<Boolean> flags() {
    return Gens.booleans();
  }

  // mostly what CodeBuild sends, now and then any value, as a codec must carry it
  private static Gen<Integer> ints() {
    return Gens.weighted(9, Gens.ints(0, Integer.MAX_VALUE), 1, Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  private static Gen<Long> longs() {
    return Gens.weighted(9, Gens.longs(0, Long.MAX_VALUE), 1, Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** {@link PhaseContext}: statusCode, message. */
  public static Gen<PhaseContext> phaseContexts() {
    return phaseContexts(Presence.SOME);
  }

  /** {@link #phaseContexts()} with as many members set as {@code presence} says. */
  public static Gen<PhaseContext> phaseContexts(Presence presence) {
    return Members.of(PhaseContext::builder, presence)
        .optional(text(), (b, v) -> b.statusCode(v))
        .optional(text(), (b, v) -> b.message(v))
        .build(PhaseContext.Builder::build);
  }

  /** {@link BuildPhase}: any phase type and status (known or not), times, duration, contexts. */
  public static Gen<BuildPhase> buildPhases() {
    return buildPhases(Presence.SOME);
  }

  /** {@link #buildPhases()} with as many members set as {@code presence} says. */
  public static Gen<BuildPhase> buildPhases(Presence presence) {
    return Members.of(BuildPhase::builder, presence)
        .optional(wireValues(BuildPhaseType.class), (b, v) -> b.phaseTypeAsString(v))
        .optional(wireValues(StatusType.class), (b, v) -> b.phaseStatusAsString(v))
        .optional(instants(), (b, v) -> b.startTime(v))
        .optional(instants(), (b, v) -> b.endTime(v))
        .optional(longs(), (b, v) -> b.durationInSeconds(v))
        .list(phaseContexts(presence), FEW, (b, v) -> b.contexts(v), (b, v) -> b.hasContexts(v))
        .build(BuildPhase.Builder::build);
  }

  /** {@link SourceAuth}: type, resource. */
  public static Gen<SourceAuth> sourceAuths() {
    return sourceAuths(Presence.SOME);
  }

  /** {@link #sourceAuths()} with as many members set as {@code presence} says. */
  public static Gen<SourceAuth> sourceAuths(Presence presence) {
    return Members.of(SourceAuth::builder, presence)
        .optional(wireValues(SourceAuthType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.resource(v))
        .build(SourceAuth.Builder::build);
  }

  /** {@link GitSubmodulesConfig}: fetchSubmodules. */
  public static Gen<GitSubmodulesConfig> gitSubmodulesConfigs() {
    return gitSubmodulesConfigs(Presence.SOME);
  }

  /** {@link #gitSubmodulesConfigs()} with as many members set as {@code presence} says. */
  public static Gen<GitSubmodulesConfig> gitSubmodulesConfigs(Presence presence) {
    return Members.of(GitSubmodulesConfig::builder, presence)
        .optional(flags(), (b, v) -> b.fetchSubmodules(v))
        .build(GitSubmodulesConfig.Builder::build);
  }

  /** {@link BuildStatusConfig}: context, targetUrl. */
  public static Gen<BuildStatusConfig> buildStatusConfigs() {
    return buildStatusConfigs(Presence.SOME);
  }

  /** {@link #buildStatusConfigs()} with as many members set as {@code presence} says. */
  public static Gen<BuildStatusConfig> buildStatusConfigs(Presence presence) {
    return Members.of(BuildStatusConfig::builder, presence)
        .optional(text(), (b, v) -> b.context(v))
        .optional(text(), (b, v) -> b.targetUrl(v))
        .build(BuildStatusConfig.Builder::build);
  }

  /** {@link ProjectSource}: every member, with auth, gitSubmodulesConfig and buildStatusConfig. */
  public static Gen<ProjectSource> projectSources() {
    return projectSources(Presence.SOME);
  }

  /** {@link #projectSources()} with as many members set as {@code presence} says. */
  public static Gen<ProjectSource> projectSources(Presence presence) {
    return Members.of(ProjectSource::builder, presence)
        .optional(wireValues(SourceType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .optional(ints(), (b, v) -> b.gitCloneDepth(v))
        .optional(gitSubmodulesConfigs(presence), (b, v) -> b.gitSubmodulesConfig(v))
        .optional(text(), (b, v) -> b.buildspec(v))
        .optional(sourceAuths(presence), (b, v) -> b.auth(v))
        .optional(flags(), (b, v) -> b.reportBuildStatus(v))
        .optional(buildStatusConfigs(presence), (b, v) -> b.buildStatusConfig(v))
        .optional(flags(), (b, v) -> b.insecureSsl(v))
        .optional(text(), (b, v) -> b.sourceIdentifier(v))
        .build(ProjectSource.Builder::build);
  }

  /** {@link ProjectSourceVersion}: sourceIdentifier, sourceVersion. */
  public static Gen<ProjectSourceVersion> projectSourceVersions() {
    return projectSourceVersions(Presence.SOME);
  }

  /** {@link #projectSourceVersions()} with as many members set as {@code presence} says. */
  public static Gen<ProjectSourceVersion> projectSourceVersions(Presence presence) {
    return Members.of(ProjectSourceVersion::builder, presence)
        .optional(text(), (b, v) -> b.sourceIdentifier(v))
        .optional(text(), (b, v) -> b.sourceVersion(v))
        .build(ProjectSourceVersion.Builder::build);
  }

  /** {@link BuildArtifacts}: every member, bucketOwnerAccess known or not. */
  public static Gen<BuildArtifacts> buildArtifacts() {
    return buildArtifacts(Presence.SOME);
  }

  /** {@link #buildArtifacts()} with as many members set as {@code presence} says. */
  public static Gen<BuildArtifacts> buildArtifacts(Presence presence) {
    return Members.of(BuildArtifacts::builder, presence)
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
  public static Gen<ProjectCache> projectCaches() {
    return projectCaches(Presence.SOME);
  }

  /** {@link #projectCaches()} with as many members set as {@code presence} says. */
  public static Gen<ProjectCache> projectCaches(Presence presence) {
    return Members.of(ProjectCache::builder, presence)
        .optional(wireValues(CacheType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .list(wireValues(CacheMode.class), FEW, (b, v) -> b.modesAsStrings(v), (b, v) -> b.hasModes(v))
        .optional(text(), (b, v) -> b.cacheNamespace(v))
        .build(ProjectCache.Builder::build);
  }

  /** {@link ComputeConfiguration}: vCpu, memory, disk, machineType, instanceType. */
  public static Gen<ComputeConfiguration> computeConfigurations() {
    return computeConfigurations(Presence.SOME);
  }

  /** {@link #computeConfigurations()} with as many members set as {@code presence} says. */
  public static Gen<ComputeConfiguration> computeConfigurations(Presence presence) {
    return Members.of(ComputeConfiguration::builder, presence)
        .optional(longs(), (b, v) -> b.vCpu(v))
        .optional(longs(), (b, v) -> b.memory(v))
        .optional(longs(), (b, v) -> b.disk(v))
        .optional(wireValues(MachineType.class), (b, v) -> b.machineTypeAsString(v))
        .optional(text(), (b, v) -> b.instanceType(v))
        .build(ComputeConfiguration.Builder::build);
  }

  /** {@link ProjectFleet}: fleetArn. */
  public static Gen<ProjectFleet> projectFleets() {
    return projectFleets(Presence.SOME);
  }

  /** {@link #projectFleets()} with as many members set as {@code presence} says. */
  public static Gen<ProjectFleet> projectFleets(Presence presence) {
    return Members.of(ProjectFleet::builder, presence)
        .optional(text(), (b, v) -> b.fleetArn(v))
        .build(ProjectFleet.Builder::build);
  }

  /** {@link EnvironmentVariable}: name, value (redacted in toString), type. */
  public static Gen<EnvironmentVariable> environmentVariables() {
    return environmentVariables(Presence.SOME);
  }

  /** {@link #environmentVariables()} with as many members set as {@code presence} says. */
  public static Gen<EnvironmentVariable> environmentVariables(Presence presence) {
    return Members.of(EnvironmentVariable::builder, presence)
        .optional(text(), (b, v) -> b.name(v))
        .optional(text(), (b, v) -> b.value(v))
        .optional(wireValues(EnvironmentVariableType.class), (b, v) -> b.typeAsString(v))
        .build(EnvironmentVariable.Builder::build);
  }

  /** {@link RegistryCredential}: credential (redacted in toString), credentialProvider. */
  public static Gen<RegistryCredential> registryCredentials() {
    return registryCredentials(Presence.SOME);
  }

  /** {@link #registryCredentials()} with as many members set as {@code presence} says. */
  public static Gen<RegistryCredential> registryCredentials(Presence presence) {
    return Members.of(RegistryCredential::builder, presence)
        .optional(text(), (b, v) -> b.credential(v))
        .optional(wireValues(CredentialProviderType.class), (b, v) -> b.credentialProviderAsString(v))
        .build(RegistryCredential.Builder::build);
  }

  /** {@link DockerServerStatus}: status, message. */
  public static Gen<DockerServerStatus> dockerServerStatuses() {
    return dockerServerStatuses(Presence.SOME);
  }

  /** {@link #dockerServerStatuses()} with as many members set as {@code presence} says. */
  public static Gen<DockerServerStatus> dockerServerStatuses(Presence presence) {
    return Members.of(DockerServerStatus::builder, presence)
        .optional(text(), (b, v) -> b.status(v))
        .optional(text(), (b, v) -> b.message(v))
        .build(DockerServerStatus.Builder::build);
  }

  /** {@link DockerServer}: computeType, securityGroupIds (a list with its flag), status. */
  public static Gen<DockerServer> dockerServers() {
    return dockerServers(Presence.SOME);
  }

  /** {@link #dockerServers()} with as many members set as {@code presence} says. */
  public static Gen<DockerServer> dockerServers(Presence presence) {
    return Members.of(DockerServer::builder, presence)
        .optional(wireValues(ComputeType.class), (b, v) -> b.computeTypeAsString(v))
        .list(text(), FEW, (b, v) -> b.securityGroupIds(v), (b, v) -> b.hasSecurityGroupIds(v))
        .optional(dockerServerStatuses(presence), (b, v) -> b.status(v))
        .build(DockerServer.Builder::build);
  }

  /** {@link ProjectEnvironment}: every member, with computeConfiguration, fleet, variables, credential, docker. */
  public static Gen<ProjectEnvironment> projectEnvironments() {
    return projectEnvironments(Presence.SOME);
  }

  /** {@link #projectEnvironments()} with as many members set as {@code presence} says. */
  public static Gen<ProjectEnvironment> projectEnvironments(Presence presence) {
    return Members.of(ProjectEnvironment::builder, presence)
        .optional(wireValues(EnvironmentType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.image(v))
        .optional(wireValues(ComputeType.class), (b, v) -> b.computeTypeAsString(v))
        .optional(computeConfigurations(presence), (b, v) -> b.computeConfiguration(v))
        .optional(projectFleets(presence), (b, v) -> b.fleet(v))
        .list(environmentVariables(presence), FEW, (b, v) -> b.environmentVariables(v),
            (b, v) -> b.hasEnvironmentVariables(v))
        .optional(flags(), (b, v) -> b.privilegedMode(v))
        .optional(text(), (b, v) -> b.certificate(v))
        .optional(registryCredentials(presence), (b, v) -> b.registryCredential(v))
        .optional(wireValues(ImagePullCredentialsType.class), (b, v) -> b.imagePullCredentialsTypeAsString(v))
        .optional(dockerServers(presence), (b, v) -> b.dockerServer(v))
        .build(ProjectEnvironment.Builder::build);
  }

  /** {@link CloudWatchLogsConfig}: status, groupName, streamName. */
  public static Gen<CloudWatchLogsConfig> cloudWatchLogsConfigs() {
    return cloudWatchLogsConfigs(Presence.SOME);
  }

  /** {@link #cloudWatchLogsConfigs()} with as many members set as {@code presence} says. */
  public static Gen<CloudWatchLogsConfig> cloudWatchLogsConfigs(Presence presence) {
    return Members.of(CloudWatchLogsConfig::builder, presence)
        .optional(wireValues(LogsConfigStatusType.class), (b, v) -> b.statusAsString(v))
        .optional(text(), (b, v) -> b.groupName(v))
        .optional(text(), (b, v) -> b.streamName(v))
        .build(CloudWatchLogsConfig.Builder::build);
  }

  /** {@link S3LogsConfig}: status, location, encryptionDisabled, bucketOwnerAccess. */
  public static Gen<S3LogsConfig> s3LogsConfigs() {
    return s3LogsConfigs(Presence.SOME);
  }

  /** {@link #s3LogsConfigs()} with as many members set as {@code presence} says. */
  public static Gen<S3LogsConfig> s3LogsConfigs(Presence presence) {
    return Members.of(S3LogsConfig::builder, presence)
        .optional(wireValues(LogsConfigStatusType.class), (b, v) -> b.statusAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .optional(flags(), (b, v) -> b.encryptionDisabled(v))
        .optional(wireValues(BucketOwnerAccess.class), (b, v) -> b.bucketOwnerAccessAsString(v))
        .build(S3LogsConfig.Builder::build);
  }

  /** {@link LogsLocation}: every member, with cloudWatchLogs and s3Logs. */
  public static Gen<LogsLocation> logsLocations() {
    return logsLocations(Presence.SOME);
  }

  /** {@link #logsLocations()} with as many members set as {@code presence} says. */
  public static Gen<LogsLocation> logsLocations(Presence presence) {
    return Members.of(LogsLocation::builder, presence)
        .optional(text(), (b, v) -> b.groupName(v))
        .optional(text(), (b, v) -> b.streamName(v))
        .optional(text(), (b, v) -> b.deepLink(v))
        .optional(text(), (b, v) -> b.s3DeepLink(v))
        .optional(text(), (b, v) -> b.cloudWatchLogsArn(v))
        .optional(text(), (b, v) -> b.s3LogsArn(v))
        .optional(cloudWatchLogsConfigs(presence), (b, v) -> b.cloudWatchLogs(v))
        .optional(s3LogsConfigs(presence), (b, v) -> b.s3Logs(v))
        .build(LogsLocation.Builder::build);
  }

  /** {@link VpcConfig}: vpcId, subnets, securityGroupIds, lists with their flags. */
  public static Gen<VpcConfig> vpcConfigs() {
    return vpcConfigs(Presence.SOME);
  }

  /** {@link #vpcConfigs()} with as many members set as {@code presence} says. */
  public static Gen<VpcConfig> vpcConfigs(Presence presence) {
    return Members.of(VpcConfig::builder, presence)
        .optional(text(), (b, v) -> b.vpcId(v))
        .list(text(), FEW, (b, v) -> b.subnets(v), (b, v) -> b.hasSubnets(v))
        .list(text(), FEW, (b, v) -> b.securityGroupIds(v), (b, v) -> b.hasSecurityGroupIds(v))
        .build(VpcConfig.Builder::build);
  }

  /** {@link NetworkInterface}: subnetId, networkInterfaceId. */
  public static Gen<NetworkInterface> networkInterfaces() {
    return networkInterfaces(Presence.SOME);
  }

  /** {@link #networkInterfaces()} with as many members set as {@code presence} says. */
  public static Gen<NetworkInterface> networkInterfaces(Presence presence) {
    return Members.of(NetworkInterface::builder, presence)
        .optional(text(), (b, v) -> b.subnetId(v))
        .optional(text(), (b, v) -> b.networkInterfaceId(v))
        .build(NetworkInterface.Builder::build);
  }

  /** {@link ExportedEnvironmentVariable}: name, value. */
  public static Gen<ExportedEnvironmentVariable> exportedEnvironmentVariables() {
    return exportedEnvironmentVariables(Presence.SOME);
  }

  /** {@link #exportedEnvironmentVariables()} with as many members set as {@code presence} says. */
  public static Gen<ExportedEnvironmentVariable> exportedEnvironmentVariables(Presence presence) {
    return Members.of(ExportedEnvironmentVariable::builder, presence)
        .optional(text(), (b, v) -> b.name(v))
        .optional(text(), (b, v) -> b.value(v))
        .build(ExportedEnvironmentVariable.Builder::build);
  }

  /** {@link ProjectFileSystemLocation}: type, location, mountPoint, identifier, mountOptions. */
  public static Gen<ProjectFileSystemLocation> projectFileSystemLocations() {
    return projectFileSystemLocations(Presence.SOME);
  }

  /** {@link #projectFileSystemLocations()} with as many members set as {@code presence} says. */
  public static Gen<ProjectFileSystemLocation> projectFileSystemLocations(Presence presence) {
    return Members.of(ProjectFileSystemLocation::builder, presence)
        .optional(wireValues(FileSystemType.class), (b, v) -> b.typeAsString(v))
        .optional(text(), (b, v) -> b.location(v))
        .optional(text(), (b, v) -> b.mountPoint(v))
        .optional(text(), (b, v) -> b.identifier(v))
        .optional(text(), (b, v) -> b.mountOptions(v))
        .build(ProjectFileSystemLocation.Builder::build);
  }

  /** {@link DebugSession}: sessionEnabled, sessionTarget. */
  public static Gen<DebugSession> debugSessions() {
    return debugSessions(Presence.SOME);
  }

  /** {@link #debugSessions()} with as many members set as {@code presence} says. */
  public static Gen<DebugSession> debugSessions(Presence presence) {
    return Members.of(DebugSession::builder, presence)
        .optional(flags(), (b, v) -> b.sessionEnabled(v))
        .optional(text(), (b, v) -> b.sessionTarget(v))
        .build(DebugSession.Builder::build);
  }

  /** {@link AutoRetryConfig}: autoRetryLimit, autoRetryNumber, nextAutoRetry, previousAutoRetry. */
  public static Gen<AutoRetryConfig> autoRetryConfigs() {
    return autoRetryConfigs(Presence.SOME);
  }

  /** {@link #autoRetryConfigs()} with as many members set as {@code presence} says. */
  public static Gen<AutoRetryConfig> autoRetryConfigs(Presence presence) {
    return Members.of(AutoRetryConfig::builder, presence)
        .optional(Gens.ints(0, 10), (b, v) -> b.autoRetryLimit(v))
        .optional(Gens.ints(0, 10), (b, v) -> b.autoRetryNumber(v))
        .optional(text(), (b, v) -> b.nextAutoRetry(v))
        .optional(text(), (b, v) -> b.previousAutoRetry(v))
        .build(AutoRetryConfig.Builder::build);
  }
}
