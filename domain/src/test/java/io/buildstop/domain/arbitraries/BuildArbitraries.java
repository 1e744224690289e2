package io.buildstop.domain.arbitraries;

import static io.buildstop.domain.arbitraries.ValueArbitraries.instants;
import static io.buildstop.domain.arbitraries.ValueArbitraries.text;
import static io.buildstop.domain.arbitraries.ValueArbitraries.wireValues;

import io.buildstop.domain.Build;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.BuildPhase;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Builds, either with arbitrary member values ({@link #anyBuilds()}) or in real states (spec §3) reached the way
 * CodeBuild reaches them: a random configuration, {@link BuildLifecycle#start}, a few {@link BuildLifecycle#advance}
 * calls at increasing instants, and perhaps {@link BuildLifecycle#complete} or {@link StopRules#stop}.
 */
public final class BuildArbitraries {
  /** How far a build can get by advancing after its start: QUEUED + 8 steps is FINALIZING. */
  private static final int MAX_ADVANCES = BuildLifecycle.RUNNING_PHASES.size() - 2;
  // Lists stay short to keep generation fast; the model's bounds (0-12 secondary sources, versions, artifacts) are
  // wider, and nothing in the domain depends on a list's length.
  private static final int FEW = 3;

  private BuildArbitraries() {}

  /** Every member of a {@link Build} with arbitrary values, lists absent, present-empty or filled: for codecs. */
  public static Arbitrary<Build> anyBuilds() {
    return Members.of(Build::builder)
        .optional(text(), (b, v) -> b.id(v))
        .optional(text(), (b, v) -> b.arn(v))
        .optional(Arbitraries.longs().greaterOrEqual(0), (b, v) -> b.buildNumber(v))
        .optional(instants(), (b, v) -> b.startTime(v))
        .optional(instants(), (b, v) -> b.endTime(v))
        .optional(wireValues(BuildPhaseType.class), (b, v) -> b.currentPhaseAsString(v))
        .optional(wireValues(StatusType.class), (b, v) -> b.buildStatusAsString(v))
        .optional(text(), (b, v) -> b.sourceVersion(v))
        .optional(text(), (b, v) -> b.resolvedSourceVersion(v))
        .optional(text(), (b, v) -> b.projectName(v))
        .list(ValueArbitraries.buildPhases(), 4, (b, v) -> b.phases(v), (b, v) -> b.hasPhases(v))
        .optional(ValueArbitraries.projectSources(), (b, v) -> b.source(v))
        .list(ValueArbitraries.projectSources(), FEW, (b, v) -> b.secondarySources(v),
            (b, v) -> b.hasSecondarySources(v))
        .list(ValueArbitraries.projectSourceVersions(), FEW, (b, v) -> b.secondarySourceVersions(v),
            (b, v) -> b.hasSecondarySourceVersions(v))
        .optional(ValueArbitraries.buildArtifacts(), (b, v) -> b.artifacts(v))
        .list(ValueArbitraries.buildArtifacts(), FEW, (b, v) -> b.secondaryArtifacts(v),
            (b, v) -> b.hasSecondaryArtifacts(v))
        .optional(ValueArbitraries.projectCaches(), (b, v) -> b.cache(v))
        .optional(ValueArbitraries.projectEnvironments(), (b, v) -> b.environment(v))
        .optional(text(), (b, v) -> b.serviceRole(v))
        .optional(ValueArbitraries.logsLocations(), (b, v) -> b.logs(v))
        .optional(Arbitraries.integers().between(5, 2160), (b, v) -> b.timeoutInMinutes(v))
        .optional(Arbitraries.integers().between(5, 480), (b, v) -> b.queuedTimeoutInMinutes(v))
        .optional(Arbitraries.of(true, false), (b, v) -> b.buildComplete(v))
        .optional(text(), (b, v) -> b.initiator(v))
        .optional(ValueArbitraries.vpcConfigs(), (b, v) -> b.vpcConfig(v))
        .optional(ValueArbitraries.networkInterfaces(), (b, v) -> b.networkInterface(v))
        .optional(text(), (b, v) -> b.encryptionKey(v))
        .list(ValueArbitraries.exportedEnvironmentVariables(), FEW, (b, v) -> b.exportedEnvironmentVariables(v),
            (b, v) -> b.hasExportedEnvironmentVariables(v))
        .list(text(), FEW, (b, v) -> b.reportArns(v), (b, v) -> b.hasReportArns(v))
        .list(ValueArbitraries.projectFileSystemLocations(), FEW, (b, v) -> b.fileSystemLocations(v),
            (b, v) -> b.hasFileSystemLocations(v))
        .optional(ValueArbitraries.debugSessions(), (b, v) -> b.debugSession(v))
        .optional(text(), (b, v) -> b.buildBatchArn(v))
        .optional(ValueArbitraries.autoRetryConfigs(), (b, v) -> b.autoRetryConfig(v))
        .build(Build.Builder::build);
  }

  /** Builds in every real state: {@link #runningBuilds()} and {@link #completedBuilds()}. */
  public static Arbitrary<Build> realBuilds() {
    return Arbitraries.oneOf(runningBuilds(), completedBuilds());
  }

  /**
   * IN_PROGRESS builds in every phase from SUBMITTED to FINALIZING: started and advanced 0 to 8 times, or (a real
   * state StartBuild never returns, yet a build passes through it) running in SUBMITTED.
   */
  public static Arbitrary<Build> runningBuilds() {
    return Combinators.combine(
            configurations(),
            instants(),
            gapsInMillis(),
            gapsInMillis().list().ofSize(MAX_ADVANCES),
            // uniform over the phases; the one edge case is the started build, so that the combined edge cases
            // (configurations with every member absent or at a bound) do not all run in the same phase
            Arbitraries.integers().between(0, MAX_ADVANCES + 1)
                .withDistribution(RandomDistribution.uniform())
                .edgeCases(edgeCases -> edgeCases.includeOnly(1)))
        .as((configuration, submittedAt, queueGap, gaps, steps) -> {
          // step 0 is the build still in SUBMITTED, step 1 the started build, each further step one advance
          if (steps == 0) {
            return runningInSubmitted(configuration, submittedAt);
          }
          Instant at = submittedAt.plusMillis(queueGap);
          Build build = BuildLifecycle.start(configuration, submittedAt, at);
          for (int i = 0; i < steps - 1; i++) {
            at = at.plusMillis(gaps.get(i));
            build = BuildLifecycle.advance(build, at);
          }
          return build;
        });
  }

  /**
   * Finished builds with every final status: a running build completed as SUCCEEDED, FAILED, FAULT or TIMED_OUT,
   * stopped, or advanced until it succeeds, at an instant after its last phase began.
   */
  public static Arbitrary<Build> completedBuilds() {
    return Combinators.combine(runningBuilds(), Arbitraries.of(Ending.class), gapsInMillis())
        .as((running, ending, gap) -> ending.end(running, latestInstant(running).plusMillis(gap)));
  }

  /**
   * Configurations as StartBuild takes them: arbitrary members (phases, status and times are replaced by
   * {@link BuildLifecycle#start}) under a consistent identity: {@code id = <project>:<uuid>}, a build ARN in a real
   * partition holding that id, the project name, a build number from 1.
   */
  public static Arbitrary<Build> configurations() {
    return Combinators.combine(anyBuilds(), projectNames(), buildUuids(), buildArnPrefixes(),
            Arbitraries.longs().between(1, 100_000))
        .as((build, project, uuid, arnPrefix, number) -> build
            .withProjectName(project)
            .withId(project + ":" + uuid)
            .withArn(arnPrefix + project + ":" + uuid)
            .withBuildNumber(number));
  }

  /** Project names as CodeBuild accepts them: {@code [A-Za-z0-9][A-Za-z0-9\-_]{1,149}}. */
  public static Arbitrary<String> projectNames() {
    return Combinators.combine(
            Arbitraries.chars().alpha().numeric(),
            Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(149))
        .as((first, rest) -> first + rest);
  }

  /** Build uuids as CodeBuild makes them: lower-case UUIDs. */
  public static Arbitrary<String> buildUuids() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
        .as((high, low) -> new UUID(high, low).toString());
  }

  /** {@code arn:<partition>:codebuild:<region>:<account>:build/} in the partitions aws, aws-cn and aws-us-gov. */
  public static Arbitrary<String> buildArnPrefixes() {
    return Combinators.combine(
            Arbitraries.of("aws", "aws-cn", "aws-us-gov"),
            Arbitraries.of("us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2", "cn-north-1",
                "us-gov-west-1"),
            Arbitraries.strings().numeric().ofLength(12))
        .as((partition, region, account) -> "arn:" + partition + ":codebuild:" + region + ":" + account + ":build/");
  }

  /** Valid build ids. */
  public static Arbitrary<BuildId> buildIds() {
    return Combinators.combine(projectNames(), buildUuids()).as(BuildId::new);
  }

  /**
   * Time between two lifecycle events in milliseconds: 0 now and then, mostly seconds to minutes, sometimes an hour.
   */
  public static Arbitrary<Long> gapsInMillis() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0L)),
        Tuple.of(3, Arbitraries.longs().between(1, 999)),
        Tuple.of(5, Arbitraries.longs().between(1_000, 120_000)),
        Tuple.of(1, Arbitraries.longs().between(120_000, 3_600_000)));
  }

  /** The latest instant a build records: its end, else the start of its last phase, else its start. */
  public static Instant latestInstant(Build build) {
    return build.endTime()
        .or(() -> build.phases().isEmpty()
            ? Optional.empty()
            : build.phases().get(build.phases().size() - 1).startTime())
        .or(build::startTime)
        .orElse(ValueArbitraries.EARLIEST);
  }

  // A build passes through SUBMITTED running before StartBuild returns: one open SUBMITTED phase (spec §3.5).
  private static Build runningInSubmitted(Build configuration, Instant submittedAt) {
    return configuration
        .withPhases(BuildPhase.builder().phaseType(BuildPhaseType.SUBMITTED).startTime(submittedAt).build())
        .withStartTime(submittedAt)
        .withEndTime(Optional.empty())
        .withBuildStatus(StatusType.IN_PROGRESS)
        .withCurrentPhase(BuildPhaseType.SUBMITTED)
        .withBuildComplete(false);
  }

  /** How a running build ends. */
  private enum Ending {
    SUCCEEDED, FAILED, FAULT, TIMED_OUT, STOPPED, ADVANCED_TO_SUCCESS;

    Build end(Build running, Instant at) {
      return switch (this) {
        case STOPPED -> StopRules.stop(running, at);
        case ADVANCED_TO_SUCCESS -> advanceToSuccess(running, at);
        default -> BuildLifecycle.complete(running, StatusType.valueOf(name()), at);
      };
    }

    private static Build advanceToSuccess(Build running, Instant at) {
      Build build = running;
      Instant next = at;
      for (int i = 0; i < BuildLifecycle.RUNNING_PHASES.size(); i++) {
        build = BuildLifecycle.advance(build, next);
        next = next.plusSeconds(1);
      }
      return build;
    }
  }
}
