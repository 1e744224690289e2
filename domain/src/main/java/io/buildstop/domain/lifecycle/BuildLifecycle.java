package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rest of a build's life, so that backends and tests can put a build in any real state (spec §3): start it,
 * advance it phase by phase, complete it with a final status. Pure functions of (build, instant); stopping is
 * {@link StopRules}.
 *
 * <p>Each function leaves a build that is already complete unchanged: a build reaches one terminal state only
 * (spec §4.5), whichever of completion and stop comes first.
 */
public final class BuildLifecycle {
  /** The phases a build runs through, in order, before the COMPLETED marker (spec §2). */
  public static final List<BuildPhaseType> RUNNING_PHASES = List.of(
      BuildPhaseType.SUBMITTED,
      BuildPhaseType.QUEUED,
      BuildPhaseType.PROVISIONING,
      BuildPhaseType.DOWNLOAD_SOURCE,
      BuildPhaseType.INSTALL,
      BuildPhaseType.PRE_BUILD,
      BuildPhaseType.BUILD,
      BuildPhaseType.POST_BUILD,
      BuildPhaseType.UPLOAD_ARTIFACTS,
      BuildPhaseType.FINALIZING);

  /** The statuses a build can end with (spec §3.6). */
  public static final List<StatusType> FINAL_STATUSES = List.of(
      StatusType.SUCCEEDED, StatusType.FAILED, StatusType.FAULT, StatusType.TIMED_OUT, StatusType.STOPPED);

  private BuildLifecycle() {}

  /**
   * Complete as CodeBuild's own clients judge it: {@code buildComplete} is true, or {@code currentPhase} is
   * COMPLETED (AWS's Jenkins plugin polls for the latter, spec §4.9). The one test of "has this build settled".
   */
  public static boolean isComplete(Build build) {
    return build.buildComplete().orElse(false)
        || build.currentPhase().equals(Optional.of(BuildPhaseType.COMPLETED));
  }

  /**
   * A closed phase's {@code durationInSeconds}: the whole seconds from {@code start} to {@code end}, floored (spec
   * §3.4). Public for what must rebuild a phase's duration from its times (a store holding builds compact).
   */
  public static long durationInSeconds(Instant start, Instant end) {
    return Phases.wholeSecondsBetween(start, end);
  }

  /**
   * A build as StartBuild returns it (spec §3.8): SUBMITTED closed as SUCCEEDED from {@code submittedAt} to
   * {@code queuedAt}, QUEUED running since {@code queuedAt}, IN_PROGRESS, not complete, no end time.
   *
   * @param configuration identity and configuration (id, arn, buildNumber, projectName, source, environment...);
   *     its phases, status and times are replaced
   * @param submittedAt when StartBuild was called: the build's {@code startTime}
   * @param queuedAt when the build entered the queue; not before {@code submittedAt}
   * @throws IllegalArgumentException if {@code queuedAt} is before {@code submittedAt}
   */
  public static Build start(Build configuration, Instant submittedAt, Instant queuedAt) {
    Objects.requireNonNull(configuration, "configuration");
    if (queuedAt.isBefore(submittedAt)) {
      throw new IllegalArgumentException("queuedAt " + queuedAt + " is before submittedAt " + submittedAt);
    }
    BuildPhase submitted = Phases.close(
        Phases.open(BuildPhaseType.SUBMITTED, submittedAt), StatusType.SUCCEEDED, queuedAt);
    // one copy through a builder rather than a with*-copy per member: every StartBuild and every seeded build pays it
    return Build.builder().from(configuration)
        .phases(List.of(submitted, Phases.open(BuildPhaseType.QUEUED, queuedAt)))
        .hasPhases(true)
        .startTime(submittedAt)
        .endTime(Optional.empty())
        .buildStatus(StatusType.IN_PROGRESS)
        .currentPhase(BuildPhaseType.QUEUED)
        .buildComplete(false)
        .build();
  }

  /** {@link #start(Build, Instant, Instant)} with the build queued the instant it was submitted. */
  public static Build start(Build configuration, Instant at) {
    return start(configuration, at, at);
  }

  /**
   * The running phase succeeds at {@code at} and the next one in {@link #RUNNING_PHASES} begins; after FINALIZING
   * the build completes as SUCCEEDED. A build that is not running, or whose running phase this version does not
   * know, comes back unchanged.
   */
  public static Build advance(Build build, Instant at) {
    if (!StopRules.isStoppable(build)) {
      return build;
    }
    Optional<BuildPhaseType> running = Phases.runningPhaseType(build);
    int index = running.map(RUNNING_PHASES::indexOf).orElse(-1);
    if (index < 0) {
      return build;
    }
    if (index == RUNNING_PHASES.size() - 1) {
      return complete(build, StatusType.SUCCEEDED, at);
    }
    Instant end = Phases.notBeforeBuild(build, at);
    BuildPhaseType next = RUNNING_PHASES.get(index + 1);
    BuildPhase closed = Phases.close(Phases.last(build).orElseThrow(), StatusType.SUCCEEDED, end);
    return build
        .withPhases(Phases.replaceLast(build.phases(), closed, List.of(Phases.open(next, end))))
        .withCurrentPhase(next);
  }

  /**
   * The build ends at {@code at} with {@code finalStatus}, as real CodeBuild ends it (spec §3.9):
   * <ul>
   *   <li>SUCCEEDED: the running phase and every later one through FINALIZING succeed;
   *   <li>FAILED, FAULT, TIMED_OUT: the running phase carries that status; after BUILD or POST_BUILD,
   *       UPLOAD_ARTIFACTS is still attempted; from PROVISIONING on, FINALIZING follows;
   *   <li>STOPPED: exactly {@link StopRules#stopRunning(Build, Instant)}.
   * </ul>
   * Then the COMPLETED marker, {@code currentPhase} COMPLETED, {@code buildComplete} true, {@code endTime}. A build
   * that is not running comes back unchanged: it already has its one terminal state.
   *
   * @throws IllegalArgumentException if {@code finalStatus} is not one of {@link #FINAL_STATUSES}
   */
  public static Build complete(Build build, StatusType finalStatus, Instant at) {
    if (!FINAL_STATUSES.contains(finalStatus)) {
      throw new IllegalArgumentException(finalStatus + " is not a final build status; use one of " + FINAL_STATUSES);
    }
    if (!StopRules.isStoppable(build)) {
      return build;
    }
    if (finalStatus == StatusType.STOPPED) {
      return StopRules.stopRunning(build, at);
    }
    Instant end = Phases.notBeforeBuild(build, at);
    Optional<BuildPhase> running = Phases.last(build);
    int index = Phases.runningPhaseType(build).map(RUNNING_PHASES::indexOf).orElse(-1);
    List<BuildPhase> following = new ArrayList<>();
    for (BuildPhaseType later : phasesAfterEnding(index, finalStatus)) {
      following.add(Phases.instant(later, StatusType.SUCCEEDED, end));
    }
    following.add(Phases.completedMarker(end));
    List<BuildPhase> phases = running.isPresent()
        ? Phases.replaceLast(build.phases(), Phases.close(running.get(), finalStatus, end), following)
        : following;
    return build.withPhases(phases)
        .withBuildStatus(finalStatus)
        .withBuildComplete(true)
        .withCurrentPhase(BuildPhaseType.COMPLETED)
        .withEndTime(end);
  }

  private static List<BuildPhaseType> phasesAfterEnding(int index, StatusType finalStatus) {
    if (index < 0) {
      return List.of();
    }
    if (finalStatus == StatusType.SUCCEEDED) {
      return List.copyOf(RUNNING_PHASES.subList(index + 1, RUNNING_PHASES.size()));
    }
    List<BuildPhaseType> later = new ArrayList<>();
    int finalizing = RUNNING_PHASES.indexOf(BuildPhaseType.FINALIZING);
    int build = RUNNING_PHASES.indexOf(BuildPhaseType.BUILD);
    int uploadArtifacts = RUNNING_PHASES.indexOf(BuildPhaseType.UPLOAD_ARTIFACTS);
    // spec §3.9: "UPLOAD_ARTIFACTS is always attempted, even if the BUILD phase fails"
    if (index >= build && index < uploadArtifacts) {
      later.add(BuildPhaseType.UPLOAD_ARTIFACTS);
    }
    if (index >= RUNNING_PHASES.indexOf(BuildPhaseType.PROVISIONING) && index < finalizing) {
      later.add(BuildPhaseType.FINALIZING);
    }
    return later;
  }
}
