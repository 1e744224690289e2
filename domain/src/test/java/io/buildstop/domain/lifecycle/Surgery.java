package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Small, precise changes to a build, for tests that break one rule at a time. */
final class Surgery {
  private Surgery() {}

  /** The build with its phase at {@code index} changed. */
  static Build withPhase(Build build, int index, UnaryOperator<BuildPhase> change) {
    List<BuildPhase> phases = new ArrayList<>(build.phases());
    phases.set(index, change.apply(phases.get(index)));
    return build.withPhases(phases);
  }

  /** The build with its last phase changed. */
  static Build withLastPhase(Build build, UnaryOperator<BuildPhase> change) {
    return withPhase(build, build.phases().size() - 1, change);
  }

  /** The build without its last phase. */
  static Build withoutLastPhase(Build build) {
    return build.withPhases(build.phases().subList(0, build.phases().size() - 1));
  }

  static BuildPhase last(Build build) {
    return build.phases().get(build.phases().size() - 1);
  }

  /**
   * The build with every member a stop may change reset: phases, status, current phase, completeness, end time.
   * What remains is identity and configuration (spec §4.2: "every other member is unchanged").
   */
  static Build withoutLifecycle(Build build) {
    return build.withPhases(List.of())
        .withHasPhases(false)
        .withBuildStatusAsString(Optional.empty())
        .withCurrentPhaseAsString(Optional.empty())
        .withBuildComplete(Optional.empty())
        .withEndTime(Optional.empty());
  }

  /** floor(end - start) in whole seconds, computed apart from the code under test (spec §3.4). */
  static long flooredSeconds(Instant start, Instant end) {
    return Math.floorDiv(end.toEpochMilli() - start.toEpochMilli(), 1000L);
  }
}
