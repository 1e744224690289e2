package io.buildstop.testkit.generators;

import static io.buildstop.testkit.generators.ValueGenerators.instants;

import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.properties.Gens;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * Builds, either with arbitrary member values ({@link #anyBuilds()}) or in real states (spec §3) reached the way
 * CodeBuild reaches them: a random configuration, {@link BuildLifecycle#start}, a few {@link BuildLifecycle#advance}
 * calls at increasing instants, and perhaps {@link BuildLifecycle#complete} or {@link StopRules#stop}.
 */
public final class BuildGenerators {
  /** How far a build can get by advancing after its start: QUEUED + 8 steps is FINALIZING. */
  private static final int MAX_ADVANCES = BuildLifecycle.RUNNING_PHASES.size() - 2;

  private BuildGenerators() {}

  /**
   * Every member of a {@link Build} with arbitrary values, lists absent, present-empty or filled, numbers over their
   * whole range now and then, instants from 1900 to 2200: for codecs and mappings.
   */
  public static Gen<Build> anyBuilds() {
    return anyBuilds(Presence.SOME);
  }

  /** {@link #anyBuilds()} with as many members set as {@code presence} says. */
  public static Gen<Build> anyBuilds(Presence presence) {
    // every member, drawn as codebuild-shapes.txt says: generated with the other shapes' generators
    return ValueGenerators.builds(presence);
  }

  /** Builds in every real state: {@link #runningBuilds()} and {@link #completedBuilds()}. */
  public static Gen<Build> realBuilds() {
    return Gens.anyOf(runningBuilds(), completedBuilds());
  }

  /**
   * IN_PROGRESS builds in every phase from SUBMITTED to FINALIZING: started and advanced 0 to 8 times, or (a real
   * state StartBuild never returns, yet a build passes through it) running in SUBMITTED.
   */
  public static Gen<Build> runningBuilds() {
    return running(Gens.ints(0, MAX_ADVANCES + 1));
  }

  /**
   * IN_PROGRESS builds whose current phase is {@code phase}.
   *
   * @throws IllegalArgumentException if {@code phase} is not one of {@link BuildLifecycle#RUNNING_PHASES}
   */
  public static Gen<Build> runningIn(BuildPhaseType phase) {
    int steps = BuildLifecycle.RUNNING_PHASES.indexOf(phase);
    if (steps < 0) {
      throw new IllegalArgumentException("a running build is never in " + phase);
    }
    return running(Gens.constant(steps));
  }

  // step 0 is the build still in SUBMITTED, step 1 the started build, each further step one advance
  private static Gen<Build> running(Gen<Integer> stepCounts) {
    return configurations().zip(instants(), gapsInMillis(), Gens.lists(gapsInMillis(), MAX_ADVANCES, MAX_ADVANCES),
        stepCounts, (configuration, submittedAt, queueGap, gaps, steps) -> {
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
  public static Gen<Build> completedBuilds() {
    return ended(Gens.oneOf(Ending.values()));
  }

  /**
   * Finished builds whose final status is {@code status}; SUCCEEDED builds are completed or advanced to success,
   * STOPPED builds are stopped by {@link StopRules#stop}.
   *
   * @throws IllegalArgumentException if {@code status} is not one of {@link BuildLifecycle#FINAL_STATUSES}
   */
  public static Gen<Build> completedWith(StatusType status) {
    if (!BuildLifecycle.FINAL_STATUSES.contains(status)) {
      throw new IllegalArgumentException(status + " is not a final status");
    }
    List<Ending> endings = java.util.Arrays.stream(Ending.values()).filter(e -> e.status == status).toList();
    return ended(Gens.oneOf(endings));
  }

  /** Builds stopped by StopBuild while running in any phase (spec §4). */
  public static Gen<Build> stoppedBuilds() {
    return ended(Gens.constant(Ending.STOPPED));
  }

  private static Gen<Build> ended(Gen<Ending> endings) {
    return runningBuilds().zip(endings, gapsInMillis(),
        (running, ending, gap) -> ending.end(running, latestInstant(running).plusMillis(gap)));
  }

  /**
   * Configurations as StartBuild takes them: arbitrary members (phases, status and times are replaced by
   * {@link BuildLifecycle#start}) under a consistent identity: {@code id = <project>:<uuid>}, a build ARN in a real
   * partition holding that id, the project name, a build number from 1.
   */
  public static Gen<Build> configurations() {
    return anyBuilds().zip(BuildIds.projectNames(), BuildIds.buildUuids(), BuildIds.buildArnPrefixes(),
        Gens.longs(1, 100_000),
        (build, project, uuid, arnPrefix, number) -> build
            .withProjectName(project)
            .withId(project + ":" + uuid)
            .withArn(arnPrefix + project + ":" + uuid)
            .withBuildNumber(number));
  }

  /**
   * Time between two lifecycle events in milliseconds: 0 now and then, mostly seconds to minutes, sometimes an hour.
   */
  public static Gen<Long> gapsInMillis() {
    return Gens.weighted(
        1, Gens.constant(0L),
        3, Gens.longs(1, 999),
        5, Gens.longs(1_000, 120_000),
        1, Gens.longs(120_000, 3_600_000));
  }

  /** The latest instant a build records: its end, else the start of its last phase, else its start. */
  public static Instant latestInstant(Build build) {
    return build.endTime()
        .or(() -> build.phases().isEmpty()
            ? Optional.empty()
            : build.phases().get(build.phases().size() - 1).startTime())
        .or(build::startTime)
        .orElse(ValueGenerators.EARLIEST);
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
    SUCCEEDED(StatusType.SUCCEEDED), FAILED(StatusType.FAILED), FAULT(StatusType.FAULT),
    TIMED_OUT(StatusType.TIMED_OUT), STOPPED(StatusType.STOPPED), ADVANCED_TO_SUCCESS(StatusType.SUCCEEDED);

    private final StatusType status;

    Ending(StatusType status) {
      this.status = status;
    }

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
