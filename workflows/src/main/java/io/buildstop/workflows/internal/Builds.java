package io.buildstop.workflows.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What the workflows ask of a build: its id, whether it is complete, which of two is newer. */
public final class Builds {
  /**
   * Oldest first: by start time, then build number, as ListBuildsForProject orders them; the id breaks the last ties
   * so the order is total. A missing start time or number counts as the oldest.
   */
  public static final Comparator<Build> OLDEST_FIRST = Comparator
      .comparing((Build build) -> build.startTime().orElse(Instant.MIN))
      .thenComparing(build -> build.buildNumber().orElse(Long.MIN_VALUE))
      .thenComparing(build -> build.id().orElse(""));

  private Builds() {}

  /** The build's id, if it has one that parses. */
  public static Optional<BuildId> idOf(Build build) {
    return build.id().flatMap(id -> BuildId.parse(id).toJavaOptional());
  }

  /**
   * Complete as CodeBuild's own clients judge it: {@code buildComplete} is true, or {@code currentPhase} is
   * COMPLETED (AWS's Jenkins plugin polls for the latter, spec §4.9).
   */
  public static boolean isComplete(Build build) {
    return build.buildComplete().orElse(false)
        || build.currentPhase().equals(Optional.of(BuildPhaseType.COMPLETED));
  }

  /** Whether a build is strictly older than {@code reference} in {@link #OLDEST_FIRST}'s order; never itself. */
  public static Predicate<Build> olderThan(Build reference) {
    return build -> OLDEST_FIRST.compare(build, reference) < 0;
  }

  /** The builds with a valid id, each id once (the first occurrence), in their order. */
  public static List<Build> distinctById(List<Build> builds) {
    Map<BuildId, Build> byId = new LinkedHashMap<>();
    for (Build build : builds) {
      idOf(build).ifPresent(id -> byId.putIfAbsent(id, build));
    }
    return new ArrayList<>(byId.values());
  }
}
