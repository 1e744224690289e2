package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The phase arithmetic the lifecycle functions share. */
final class Phases {
  private static final PhaseContext EMPTY_CONTEXT = PhaseContext.builder().message("").statusCode("").build();

  private Phases() {}

  static Optional<BuildPhase> last(Build build) {
    List<BuildPhase> phases = build.phases();
    return phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(phases.size() - 1));
  }

  static Optional<BuildPhaseType> runningPhaseType(Build build) {
    return last(build).flatMap(BuildPhase::phaseType);
  }

  /** A phase that has begun at {@code at} and runs on: no status, no end, no duration (spec §3.4). */
  static BuildPhase open(BuildPhaseType type, Instant at) {
    return BuildPhase.builder().phaseType(type).startTime(at).build();
  }

  /**
   * Closes a running phase at {@code at} with {@code status} (spec §3.4): the duration is floored to whole
   * seconds, and phases after QUEUED carry CodeBuild's one empty context (spec §3.7).
   */
  static BuildPhase close(BuildPhase running, StatusType status, Instant at) {
    Instant start = running.startTime().orElse(at);
    BuildPhase closed = running.withPhaseStatus(status)
        .withEndTime(at)
        .withDurationInSeconds(wholeSecondsBetween(start, at));
    return carriesContexts(running) && status != StatusType.STOPPED
        ? closed.withContexts(EMPTY_CONTEXT)
        : closed.withContexts(List.of()).withHasContexts(false);
  }

  /** A phase that began and ended at {@code at} with {@code status}: how the lifecycle fast-forwards. */
  static BuildPhase instant(BuildPhaseType type, StatusType status, Instant at) {
    return close(open(type, at), status, at);
  }

  /** The bare {@code {COMPLETED, startTime}} marker that ends every finished build (spec §3.6). */
  static BuildPhase completedMarker(Instant at) {
    return open(BuildPhaseType.COMPLETED, at);
  }

  // spec §3.4: floor, not rounding; Duration.getSeconds() floors for the non-negative spans used here
  static long wholeSecondsBetween(Instant start, Instant end) {
    return Duration.between(start, end).getSeconds();
  }

  static List<BuildPhase> replaceLast(List<BuildPhase> phases, BuildPhase replacement, List<BuildPhase> following) {
    List<BuildPhase> result = new ArrayList<>(phases.subList(0, phases.size() - 1));
    result.add(replacement);
    result.addAll(following);
    return result;
  }

  /** The latest instant the build already records, so no transition ends before something it follows began. */
  static Instant notBeforeBuild(Build build, Instant at) {
    Instant latest = at;
    for (Instant known : List.of(
        build.startTime().orElse(at),
        last(build).flatMap(BuildPhase::startTime).orElse(at))) {
      latest = known.isAfter(latest) ? known : latest;
    }
    return latest;
  }

  private static boolean carriesContexts(BuildPhase phase) {
    return phase.phaseType()
        .map(type -> type != BuildPhaseType.SUBMITTED && type != BuildPhaseType.QUEUED)
        .orElse(false);
  }
}
