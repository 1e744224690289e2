package io.buildstop.domain.lifecycle;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.AutoRetryConfig;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.DebugSession;
import io.buildstop.domain.model.LogsLocation;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * RetryBuild: a new build from a finished build's configuration, as the AWS CLI's {@code retry-build} example answers
 * it (spec fixtures, {@code awscli-example-retry-build.json}). What carries over is what the build was configured
 * with: project, source and source version (the one asked for, not the commit it resolved to), secondary sources and
 * versions, artifacts and secondary artifacts (their locations, not their checksums), cache, environment, service
 * role, logs configuration, timeouts, VPC, encryption key, file systems, whether a debug session was asked for, and
 * the auto-retry limit; what the old build did (phases, status, times, resolved source version, exported variables,
 * reports, network interface, debug session target, auto-retry chain) does not. Pure functions; the caller starts
 * the configuration as a new build ({@link BuildLifecycle#start}).
 */
public final class BuildRetryRules {
  private BuildRetryRules() {}

  /**
   * The configuration a retry of {@code build} starts with.
   *
   * @return the configuration; {@link StopFailure.InvalidInput} for a build still running (CodeBuild retries
   *     finished builds only: the console offers "Retry build" once a build has finished), or for a member of a
   *     batch (buildstop's policy, docs/batch-rules.md §6: a batch's builds are retried with RetryBuildBatch, in
   *     their batch); never throws
   */
  public static Either<StopFailure, Build> configuration(Build build) {
    String id = build.id().orElse("");
    if (StopRules.isStoppable(build)) {
      return Either.left(new StopFailure.InvalidInput(
          "Build " + id + " is still in progress: only a finished build can be retried", Optional.empty()));
    }
    if (build.buildBatchArn().isPresent()) {
      return Either.left(new StopFailure.InvalidInput("Build " + id + " belongs to build batch "
          + build.buildBatchArn().get() + ": retry it with RetryBuildBatch", Optional.empty()));
    }
    Build.Builder retry = Build.builder()
        .projectName(build.projectName())
        .sourceVersion(build.sourceVersion())
        .source(build.source())
        .artifacts(build.artifacts().map(BuildRetryRules::unproduced))
        .cache(build.cache())
        .environment(build.environment())
        .serviceRole(build.serviceRole())
        .logs(build.logs())
        .timeoutInMinutes(build.timeoutInMinutes())
        .queuedTimeoutInMinutes(build.queuedTimeoutInMinutes())
        .initiator(build.initiator())
        .vpcConfig(build.vpcConfig())
        .encryptionKey(build.encryptionKey())
        .debugSession(build.debugSession().flatMap(DebugSession::sessionEnabled)
            .map(enabled -> DebugSession.builder().sessionEnabled(enabled).build()))
        .autoRetryConfig(build.autoRetryConfig().flatMap(AutoRetryConfig::autoRetryLimit)
            .map(limit -> AutoRetryConfig.builder().autoRetryLimit(limit).autoRetryNumber(0).build()));
    // the secondary lists are always sent, empty or not, as in the retry-build capture
    retry.secondarySources(build.secondarySources()).hasSecondarySources(true)
        .secondarySourceVersions(build.secondarySourceVersions()).hasSecondarySourceVersions(true)
        .secondaryArtifacts(build.secondaryArtifacts().stream().map(BuildRetryRules::unproduced).toList())
        .hasSecondaryArtifacts(true);
    if (build.hasFileSystemLocations()) {
      retry.fileSystemLocations(build.fileSystemLocations()).hasFileSystemLocations(true);
    }
    return Either.right(retry.build());
  }

  /**
   * The started retry with the members that named the old build's id (log stream, deep links, log ARNs, artifact
   * locations) naming its own: a retry logs to its own stream and uploads to its own place, as a new build does.
   *
   * @param retry the retry as started, with its own id
   * @param original the build it retries
   */
  public static Build namedAfterItsId(Build retry, Build original) {
    Optional<String> oldUuid = original.id().flatMap(id -> BuildId.parse(id).toJavaOptional()).map(BuildId::buildUuid);
    Optional<String> newUuid = retry.id().flatMap(id -> BuildId.parse(id).toJavaOptional()).map(BuildId::buildUuid);
    if (oldUuid.isEmpty() || newUuid.isEmpty()) {
      return retry;
    }
    String from = oldUuid.get();
    String to = newUuid.get();
    Build renamed = retry.withLogs(retry.logs().map(logs -> LogsLocation.builder().from(logs)
        .streamName(logs.streamName().map(text -> text.replace(from, to)))
        .deepLink(logs.deepLink().map(text -> text.replace(from, to)))
        .s3DeepLink(logs.s3DeepLink().map(text -> text.replace(from, to)))
        .cloudWatchLogsArn(logs.cloudWatchLogsArn().map(text -> text.replace(from, to)))
        .s3LogsArn(logs.s3LogsArn().map(text -> text.replace(from, to)))
        .build()))
        .withArtifacts(retry.artifacts().map(artifacts -> relocated(artifacts, from, to)));
    if (!renamed.hasSecondaryArtifacts()) {
      return renamed;
    }
    return Build.builder().from(renamed)
        .secondaryArtifacts(renamed.secondaryArtifacts().stream().map(artifacts -> relocated(artifacts, from, to))
            .toList())
        .hasSecondaryArtifacts(true)
        .build();
  }

  // where the old build's artifacts went, without the checksums of what it uploaded
  private static BuildArtifacts unproduced(BuildArtifacts artifacts) {
    return artifacts.withSha256sum(Optional.empty()).withMd5sum(Optional.empty());
  }

  private static BuildArtifacts relocated(BuildArtifacts artifacts, String from, String to) {
    return artifacts.withLocation(artifacts.location().map(location -> location.replace(from, to)));
  }
}
