package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What holds for every real build (spec §3, held on every published capture), one constant per rule, each a
 * predicate over a build. {@link BuildInvariants#check(Build)} names the first one a build breaks.
 *
 * <p>Rules about the status apply to the statuses this version knows; a status a newer CodeBuild sends is not
 * judged.
 */
public enum BuildInvariant {
  /** A build carries its lifecycle members: status, completeness, current phase, start time and phases. */
  LIFECYCLE_MEMBERS_PRESENT(build -> build.buildStatusAsString().isPresent()
      && build.buildComplete().isPresent()
      && build.currentPhaseAsString().isPresent()
      && build.startTime().isPresent()
      && !build.phases().isEmpty()),

  /** {@code buildComplete} is true exactly when {@code buildStatus} is not IN_PROGRESS (spec §3.5, §3.6). */
  COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS(build -> knownStatus(build)
      .map(status -> build.buildComplete().equals(Optional.of(status != StatusType.IN_PROGRESS)))
      .orElse(true)),

  /** The first phase is SUBMITTED and starts at the build's {@code startTime} (spec §3.1). */
  FIRST_PHASE_IS_SUBMITTED_AT_START_TIME(build -> build.phases().isEmpty()
      || build.phases().get(0).phaseType().equals(Optional.of(BuildPhaseType.SUBMITTED))
          && build.phases().get(0).startTime().equals(build.startTime())),

  /** Phase types appear in lifecycle order, each at most once (spec §3.2). */
  PHASES_IN_LIFECYCLE_ORDER(build -> {
    int previous = -1;
    for (BuildPhase phase : build.phases()) {
      int order = phase.phaseType().map(BuildInvariant::lifecycleOrder).orElse(-1);
      if (order >= 0) {
        if (order <= previous) {
          return false;
        }
        previous = order;
      }
    }
    return true;
  }),

  /** Every phase but the last is closed (status, end time, duration); the last is open, with none (spec §3.4). */
  ONLY_THE_LAST_PHASE_IS_OPEN(build -> {
    List<BuildPhase> phases = build.phases();
    for (int i = 0; i < phases.size(); i++) {
      BuildPhase phase = phases.get(i);
      boolean last = i == phases.size() - 1;
      boolean closed = phase.phaseStatusAsString().isPresent()
          && phase.endTime().isPresent()
          && phase.durationInSeconds().isPresent();
      boolean open = phase.phaseStatusAsString().isEmpty()
          && phase.endTime().isEmpty()
          && phase.durationInSeconds().isEmpty();
      if (last ? !open : !closed) {
        return false;
      }
    }
    return true;
  }),

  /** Phases are contiguous: each closed phase ends where the next starts (spec §3.3). */
  PHASES_CONTIGUOUS(build -> {
    List<BuildPhase> phases = build.phases();
    for (int i = 0; i + 1 < phases.size(); i++) {
      if (!phases.get(i).endTime().equals(phases.get(i + 1).startTime())) {
        return false;
      }
    }
    return true;
  }),

  /** A closed phase lasts {@code floor(endTime - startTime)} whole seconds, never negative (spec §3.4). */
  DURATION_IS_FLOORED_ELAPSED_SECONDS(build -> build.phases().stream().allMatch(phase ->
      phase.endTime().isEmpty()
          || phase.startTime().isPresent()
              && !phase.endTime().get().isBefore(phase.startTime().get())
              && phase.durationInSeconds().equals(Optional.of(
                  Phases.wholeSecondsBetween(phase.startTime().get(), phase.endTime().get()))))),

  /**
   * A running build is in its last phase: {@code currentPhase} names it, it is not COMPLETED, and the build has no
   * {@code endTime} (spec §3.5).
   */
  RUNNING_BUILD_IS_IN_ITS_LAST_PHASE(build -> !knownStatus(build).equals(Optional.of(StatusType.IN_PROGRESS))
      || build.endTime().isEmpty()
          && Phases.last(build).map(last -> last.phaseTypeAsString().equals(build.currentPhaseAsString())
              && !last.phaseType().equals(Optional.of(BuildPhaseType.COMPLETED))).orElse(false)),

  /**
   * A finished build ends with the bare COMPLETED marker, {@code currentPhase} is COMPLETED and {@code endTime} is
   * the marker's start (spec §3.6).
   */
  FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER(build -> knownStatus(build)
      .filter(status -> status != StatusType.IN_PROGRESS)
      .map(status -> build.currentPhase().equals(Optional.of(BuildPhaseType.COMPLETED))
          && Phases.last(build).map(last -> last.phaseType().equals(Optional.of(BuildPhaseType.COMPLETED))
              && last.contexts().isEmpty()
              && last.startTime().isPresent()
              && last.startTime().equals(build.endTime())).orElse(false))
      .orElse(true)),

  /** The build does not end before it starts. */
  END_NOT_BEFORE_START(build -> build.endTime().isEmpty()
      || build.startTime().isPresent() && !build.endTime().get().isBefore(build.startTime().get()));

  private final Predicate<Build> rule;

  BuildInvariant(Predicate<Build> rule) {
    this.rule = rule;
  }

  /** Whether {@code build} satisfies this invariant. */
  public boolean holdsFor(Build build) {
    return rule.test(build);
  }

  private static Optional<StatusType> knownStatus(Build build) {
    return build.buildStatus().filter(status -> status != StatusType.UNKNOWN_TO_SDK_VERSION);
  }

  private static int lifecycleOrder(BuildPhaseType type) {
    return type == BuildPhaseType.COMPLETED
        ? BuildLifecycle.RUNNING_PHASES.size()
        : BuildLifecycle.RUNNING_PHASES.indexOf(type);
  }

}
