package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What StopBuild does to a build, rule by rule of spec §4; pure functions of (build, instant).
 *
 * <p>Backends apply {@link #stop(Build, Instant)} inside one atomic update of their store, which gives rules 4.4
 * (idempotence) and 4.5 (exactly one terminal transition): whoever comes second finds a complete build and gets it
 * back unchanged.
 */
public final class StopRules {
  private StopRules() {}

  /**
   * Spec §4.1: exactly the builds whose {@code buildStatus} is {@code IN_PROGRESS} can be stopped, in any phase.
   * A build with no status, or one this version does not know, is not stoppable.
   */
  public static boolean isStoppable(Build build) {
    return build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS));
  }

  /**
   * StopBuild at instant {@code at}: a running build stops as {@link #stopRunning(Build, Instant)} says (§4.2); any
   * other build comes back unchanged, its final status intact (§4.3), which makes a second stop a no-op (§4.4).
   *
   * @param build the build as the backend holds it; not null
   * @param at when the stop call happened, from the backend's clock; not null
   * @return the build after the stop; never null
   */
  public static Build stop(Build build, Instant at) {
    return isStoppable(build) ? stopRunning(build, at) : build;
  }

  /**
   * Spec §4.2: the running phase closes STOPPED at {@code at} (its duration floored, no contexts), a bare COMPLETED
   * marker follows, and the build becomes STOPPED, complete, in phase COMPLETED, ending at {@code at}. Nothing else
   * changes: identity, configuration and earlier phases stay as they were.
   *
   * <p>If {@code at} lies before the running phase began (another clock's skew), the stop happens at the phase's
   * start instead, so no phase or build ever ends before it began.
   */
  public static Build stopRunning(Build build, Instant at) {
    Instant end = Phases.notBeforeBuild(build, at);
    List<BuildPhase> phases = Phases.last(build)
        .filter(StopRules::isOpen)
        .map(running -> Phases.replaceLast(
            build.phases(), Phases.close(running, StatusType.STOPPED, end), List.of(Phases.completedMarker(end))))
        .orElseGet(() -> append(build.phases(), Phases.completedMarker(end)));
    // one copy through a builder, not a with*-copy of the whole build per member
    return Build.builder().from(build)
        .phases(phases)
        .hasPhases(true)
        .buildStatus(StatusType.STOPPED)
        .buildComplete(true)
        .currentPhase(BuildPhaseType.COMPLETED)
        .endTime(end)
        .build();
  }

  private static boolean isOpen(BuildPhase phase) {
    return phase.phaseStatusAsString().isEmpty() && phase.endTime().isEmpty();
  }

  private static List<BuildPhase> append(List<BuildPhase> phases, BuildPhase next) {
    List<BuildPhase> result = new ArrayList<>(phases);
    result.add(next);
    return result;
  }
}
