package io.buildstop.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about a build.
 *
 * <p>Mirrors CodeBuild's {@code Build} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class Build implements WithBuild {

  /** The unique ID for the build. Empty when CodeBuild did not send it. */
  public abstract Optional<String> id();

  /** The Amazon Resource Name (ARN) of the build. Empty when CodeBuild did not send it. */
  public abstract Optional<String> arn();

  /** The number of the build. Empty when CodeBuild did not send it. */
  public abstract Optional<Long> buildNumber();

  /** When the build process started, expressed in Unix time format. Empty when CodeBuild did not send it. */
  public abstract Optional<Instant> startTime();

  /** When the build process ended, expressed in Unix time format. Empty when CodeBuild did not send it. */
  public abstract Optional<Instant> endTime();

  /** The current build phase. Typed view of {@link #currentPhaseAsString()}: {@link BuildPhaseType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<BuildPhaseType> currentPhase() {
    return currentPhaseAsString().map(BuildPhaseType::fromValue);
  }

  /** The raw currentPhase exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> currentPhaseAsString();

  /** The current status of the build. Typed view of {@link #buildStatusAsString()}: {@link StatusType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<StatusType> buildStatus() {
    return buildStatusAsString().map(StatusType::fromValue);
  }

  /** The raw buildStatus exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> buildStatusAsString();

  /** Any version identifier for the version of the source code to be built. Empty when CodeBuild did not send it. */
  public abstract Optional<String> sourceVersion();

  /** An identifier for the version of this build's source code. Empty when CodeBuild did not send it. */
  public abstract Optional<String> resolvedSourceVersion();

  /** The name of the CodeBuild project. Empty when CodeBuild did not send it. */
  public abstract Optional<String> projectName();

  /** Information about all previous build phases that are complete and information about any current build phase that is not yet complete. Empty when absent; {@link #hasPhases()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<BuildPhase> phases();

  /** Whether CodeBuild sent phases, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasPhases() {
    return !phases().isEmpty();
  }

  /** Information about the source code to be built. Empty when CodeBuild did not send it. */
  public abstract Optional<ProjectSource> source();

  /** An array of ProjectSource objects. Empty when absent; {@link #hasSecondarySources()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<ProjectSource> secondarySources();

  /** Whether CodeBuild sent secondarySources, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasSecondarySources() {
    return !secondarySources().isEmpty();
  }

  /** An array of ProjectSourceVersion objects. Empty when absent; {@link #hasSecondarySourceVersions()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<ProjectSourceVersion> secondarySourceVersions();

  /** Whether CodeBuild sent secondarySourceVersions, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasSecondarySourceVersions() {
    return !secondarySourceVersions().isEmpty();
  }

  /** Information about the output artifacts for the build. Empty when CodeBuild did not send it. */
  public abstract Optional<BuildArtifacts> artifacts();

  /** An array of ProjectArtifacts objects. Empty when absent; {@link #hasSecondaryArtifacts()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<BuildArtifacts> secondaryArtifacts();

  /** Whether CodeBuild sent secondaryArtifacts, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasSecondaryArtifacts() {
    return !secondaryArtifacts().isEmpty();
  }

  /** Information about the cache for the build. Empty when CodeBuild did not send it. */
  public abstract Optional<ProjectCache> cache();

  /** Information about the build environment for this build. Empty when CodeBuild did not send it. */
  public abstract Optional<ProjectEnvironment> environment();

  /** The name of a service role used for this build. Empty when CodeBuild did not send it. */
  public abstract Optional<String> serviceRole();

  /** Information about the build's logs in CloudWatch Logs. Empty when CodeBuild did not send it. */
  public abstract Optional<LogsLocation> logs();

  /** How long, in minutes, from 5 to 2160 (36 hours), for CodeBuild to wait before timing out this build if it does not get marked as completed. Empty when CodeBuild did not send it. */
  public abstract Optional<Integer> timeoutInMinutes();

  /** The number of minutes a build is allowed to be queued before it times out. Empty when CodeBuild did not send it. */
  public abstract Optional<Integer> queuedTimeoutInMinutes();

  /** Whether the build is complete. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> buildComplete();

  /** The entity that started the build. Empty when CodeBuild did not send it. */
  public abstract Optional<String> initiator();

  /** If your CodeBuild project accesses resources in an Amazon VPC, you provide this parameter that identifies the VPC ID and the list of security group IDs and subnet IDs. Empty when CodeBuild did not send it. */
  public abstract Optional<VpcConfig> vpcConfig();

  /** Describes a network interface. Empty when CodeBuild did not send it. */
  public abstract Optional<NetworkInterface> networkInterface();

  /** The Key Management Service customer master key (CMK) to be used for encrypting the build output artifacts. Empty when CodeBuild did not send it. */
  public abstract Optional<String> encryptionKey();

  /** A list of exported environment variables for this build. Empty when absent; {@link #hasExportedEnvironmentVariables()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<ExportedEnvironmentVariable> exportedEnvironmentVariables();

  /** Whether CodeBuild sent exportedEnvironmentVariables, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasExportedEnvironmentVariables() {
    return !exportedEnvironmentVariables().isEmpty();
  }

  /** An array of the ARNs associated with this build's reports. Empty when absent; {@link #hasReportArns()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<String> reportArns();

  /** Whether CodeBuild sent reportArns, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasReportArns() {
    return !reportArns().isEmpty();
  }

  /** An array of ProjectFileSystemLocation objects for a CodeBuild build project. Empty when absent; {@link #hasFileSystemLocations()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<ProjectFileSystemLocation> fileSystemLocations();

  /** Whether CodeBuild sent fileSystemLocations, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasFileSystemLocations() {
    return !fileSystemLocations().isEmpty();
  }

  /** Contains information about the debug session for this build. Empty when CodeBuild did not send it. */
  public abstract Optional<DebugSession> debugSession();

  /** The ARN of the batch build that this build is a member of, if applicable. Empty when CodeBuild did not send it. */
  public abstract Optional<String> buildBatchArn();

  /** Information about the auto-retry configuration for the build. Empty when CodeBuild did not send it. */
  public abstract Optional<AutoRetryConfig> autoRetryConfig();

  /** A copy with currentPhase set to a value this version knows. */
  public final Build withCurrentPhase(BuildPhaseType value) {
    return withCurrentPhaseAsString(value.wireValue());
  }

  /** A copy with buildStatus set to a value this version knows. */
  public final Build withBuildStatus(StatusType value) {
    return withBuildStatusAsString(value.wireValue());
  }

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  Build normalizePresence() {
    if ((!hasPhases() && !phases().isEmpty()) || (!hasSecondarySources() && !secondarySources().isEmpty()) || (!hasSecondarySourceVersions() && !secondarySourceVersions().isEmpty()) || (!hasSecondaryArtifacts() && !secondaryArtifacts().isEmpty()) || (!hasExportedEnvironmentVariables() && !exportedEnvironmentVariables().isEmpty()) || (!hasReportArns() && !reportArns().isEmpty()) || (!hasFileSystemLocations() && !fileSystemLocations().isEmpty())) {
      return builder().from(this)
        .hasPhases(hasPhases() || !phases().isEmpty())
        .hasSecondarySources(hasSecondarySources() || !secondarySources().isEmpty())
        .hasSecondarySourceVersions(hasSecondarySourceVersions() || !secondarySourceVersions().isEmpty())
        .hasSecondaryArtifacts(hasSecondaryArtifacts() || !secondaryArtifacts().isEmpty())
        .hasExportedEnvironmentVariables(hasExportedEnvironmentVariables() || !exportedEnvironmentVariables().isEmpty())
        .hasReportArns(hasReportArns() || !reportArns().isEmpty())
        .hasFileSystemLocations(hasFileSystemLocations() || !fileSystemLocations().isEmpty())
        .build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Build}. */
  public static final class Builder extends ImmutableBuild.Builder {
    /** Sets currentPhase to a value this version knows; use {@code currentPhaseAsString} for any other. */
    public Builder currentPhase(BuildPhaseType value) {
      return currentPhaseAsString(value.wireValue());
    }

    /** Sets buildStatus to a value this version knows; use {@code buildStatusAsString} for any other. */
    public Builder buildStatus(StatusType value) {
      return buildStatusAsString(value.wireValue());
    }

  }
}
