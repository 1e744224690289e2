package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import java.time.Instant;
import java.util.Comparator;

/**
 * Which of two builds is newer, as CodeBuild lists them (ListBuilds, ListBuildsForProject: newest first unless
 * ascending) and as the workflows judge "superseded": by start time, then build number; the id breaks the last ties,
 * so that the order is total and pages never overlap. A build without a start time (or number) counts as older than
 * every build with one. The one place this order is written.
 */
public final class BuildOrder {
  /** Oldest first: ascending start time, then build number, then id. */
  public static final Comparator<Build> OLDEST_FIRST = Comparator
      .comparing((Build build) -> build.startTime().orElse(Instant.MIN))
      .thenComparing(build -> build.buildNumber().orElse(Long.MIN_VALUE))
      .thenComparing(build -> build.id().orElse(""));

  /** Newest first: {@link #OLDEST_FIRST} reversed, CodeBuild's default listing order. */
  public static final Comparator<Build> NEWEST_FIRST = OLDEST_FIRST.reversed();

  private BuildOrder() {}
}
