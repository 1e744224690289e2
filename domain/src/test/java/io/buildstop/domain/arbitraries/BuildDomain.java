package io.buildstop.domain.arbitraries;

import io.buildstop.domain.AutoRetryConfig;
import io.buildstop.domain.Build;
import io.buildstop.domain.BuildArtifacts;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.BuildPhase;
import io.buildstop.domain.BuildStatusConfig;
import io.buildstop.domain.CloudWatchLogsConfig;
import io.buildstop.domain.ComputeConfiguration;
import io.buildstop.domain.DebugSession;
import io.buildstop.domain.DockerServer;
import io.buildstop.domain.DockerServerStatus;
import io.buildstop.domain.EnvironmentVariable;
import io.buildstop.domain.ExportedEnvironmentVariable;
import io.buildstop.domain.GitSubmodulesConfig;
import io.buildstop.domain.LogsLocation;
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
import io.buildstop.domain.VpcConfig;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;
import net.jqwik.api.providers.TypeUsage;

/**
 * The one jqwik domain of buildstop: an arbitrary for {@link Build} and for every value type inside it, so that
 * properties can say {@code @ForAll Build}.
 *
 * <pre>{@code
 * @Domain(BuildDomain.class)
 * @Domain(DomainContext.Global.class) // for @ForAll int, String, ... next to the domain's types
 * class StopProperties {
 *   @Property
 *   void stopsOnce(@ForAll @Running Build build, @ForAll Instant at) { ... }
 * }
 * }</pre>
 *
 * <p>A plain {@code @ForAll Build} has arbitrary member values, not necessarily a real state (for codecs and
 * mappings); {@link Running @Running}, {@link Completed @Completed} and {@link Real @Real} give builds in real states
 * (spec §3), made through the lifecycle functions. Code that composes arbitraries uses the static methods, which
 * need no domain. An {@code @ForAll Instant} is a millisecond-precision instant between 2016 and 2040.
 */
public class BuildDomain extends DomainContextBase {

  /** Arbitrary member values, not necessarily a real state: for codecs and mappings. */
  public static Arbitrary<Build> anyBuilds() {
    return BuildArbitraries.anyBuilds();
  }

  /** IN_PROGRESS builds in every phase from SUBMITTED to FINALIZING. */
  public static Arbitrary<Build> runningBuilds() {
    return BuildArbitraries.runningBuilds();
  }

  /** Finished builds: SUCCEEDED, FAILED, FAULT, TIMED_OUT and STOPPED. */
  public static Arbitrary<Build> completedBuilds() {
    return BuildArbitraries.completedBuilds();
  }

  /** Running and finished builds, every one in a real state. */
  public static Arbitrary<Build> realBuilds() {
    return BuildArbitraries.realBuilds();
  }

  /** Builds as the annotations on the parameter ask: running, completed, real, or (none) any. */
  @Provide
  public Arbitrary<Build> builds(TypeUsage targetType) {
    if (targetType.isAnnotated(Running.class)) {
      return runningBuilds();
    }
    if (targetType.isAnnotated(Completed.class)) {
      return completedBuilds();
    }
    if (targetType.isAnnotated(Real.class)) {
      return realBuilds();
    }
    return anyBuilds();
  }

  /** Millisecond-precision instants between 2016 and 2040. */
  @Provide
  public Arbitrary<Instant> instants() {
    return ValueArbitraries.instants();
  }

  /** Valid build ids. */
  @Provide
  public Arbitrary<BuildId> buildIds() {
    return BuildArbitraries.buildIds();
  }

  /** Phases with arbitrary members. */
  @Provide
  public Arbitrary<BuildPhase> buildPhases() {
    return ValueArbitraries.buildPhases();
  }

  /** Phase contexts. */
  @Provide
  public Arbitrary<PhaseContext> phaseContexts() {
    return ValueArbitraries.phaseContexts();
  }

  /** Sources. */
  @Provide
  public Arbitrary<ProjectSource> projectSources() {
    return ValueArbitraries.projectSources();
  }

  /** Source auths. */
  @Provide
  public Arbitrary<SourceAuth> sourceAuths() {
    return ValueArbitraries.sourceAuths();
  }

  /** Git submodule configurations. */
  @Provide
  public Arbitrary<GitSubmodulesConfig> gitSubmodulesConfigs() {
    return ValueArbitraries.gitSubmodulesConfigs();
  }

  /** Build status configurations. */
  @Provide
  public Arbitrary<BuildStatusConfig> buildStatusConfigs() {
    return ValueArbitraries.buildStatusConfigs();
  }

  /** Source versions. */
  @Provide
  public Arbitrary<ProjectSourceVersion> projectSourceVersions() {
    return ValueArbitraries.projectSourceVersions();
  }

  /** Artifacts. */
  @Provide
  public Arbitrary<BuildArtifacts> buildArtifacts() {
    return ValueArbitraries.buildArtifacts();
  }

  /** Caches. */
  @Provide
  public Arbitrary<ProjectCache> projectCaches() {
    return ValueArbitraries.projectCaches();
  }

  /** Environments. */
  @Provide
  public Arbitrary<ProjectEnvironment> projectEnvironments() {
    return ValueArbitraries.projectEnvironments();
  }

  /** Compute configurations. */
  @Provide
  public Arbitrary<ComputeConfiguration> computeConfigurations() {
    return ValueArbitraries.computeConfigurations();
  }

  /** Fleets. */
  @Provide
  public Arbitrary<ProjectFleet> projectFleets() {
    return ValueArbitraries.projectFleets();
  }

  /** Environment variables. */
  @Provide
  public Arbitrary<EnvironmentVariable> environmentVariables() {
    return ValueArbitraries.environmentVariables();
  }

  /** Registry credentials. */
  @Provide
  public Arbitrary<RegistryCredential> registryCredentials() {
    return ValueArbitraries.registryCredentials();
  }

  /** Docker servers. */
  @Provide
  public Arbitrary<DockerServer> dockerServers() {
    return ValueArbitraries.dockerServers();
  }

  /** Docker server statuses. */
  @Provide
  public Arbitrary<DockerServerStatus> dockerServerStatuses() {
    return ValueArbitraries.dockerServerStatuses();
  }

  /** Logs locations. */
  @Provide
  public Arbitrary<LogsLocation> logsLocations() {
    return ValueArbitraries.logsLocations();
  }

  /** CloudWatch Logs configurations. */
  @Provide
  public Arbitrary<CloudWatchLogsConfig> cloudWatchLogsConfigs() {
    return ValueArbitraries.cloudWatchLogsConfigs();
  }

  /** S3 logs configurations. */
  @Provide
  public Arbitrary<S3LogsConfig> s3LogsConfigs() {
    return ValueArbitraries.s3LogsConfigs();
  }

  /** VPC configurations. */
  @Provide
  public Arbitrary<VpcConfig> vpcConfigs() {
    return ValueArbitraries.vpcConfigs();
  }

  /** Network interfaces. */
  @Provide
  public Arbitrary<NetworkInterface> networkInterfaces() {
    return ValueArbitraries.networkInterfaces();
  }

  /** Exported environment variables. */
  @Provide
  public Arbitrary<ExportedEnvironmentVariable> exportedEnvironmentVariables() {
    return ValueArbitraries.exportedEnvironmentVariables();
  }

  /** File system locations. */
  @Provide
  public Arbitrary<ProjectFileSystemLocation> projectFileSystemLocations() {
    return ValueArbitraries.projectFileSystemLocations();
  }

  /** Debug sessions. */
  @Provide
  public Arbitrary<DebugSession> debugSessions() {
    return ValueArbitraries.debugSessions();
  }

  /** Auto-retry configurations. */
  @Provide
  public Arbitrary<AutoRetryConfig> autoRetryConfigs() {
    return ValueArbitraries.autoRetryConfigs();
  }
}
