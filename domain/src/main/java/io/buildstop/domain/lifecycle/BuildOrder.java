package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Which of two builds is newer, as CodeBuild lists them (ListBuilds, ListBuildsForProject: newest first unless
 * ascending) and as the workflows judge "superseded": by start time, then build number; the id breaks the last ties,
 * so that the order is total and pages never overlap. A build without a start time (or number) counts as older than
 * every build with one. The one place this order is written: {@link Position#compareTo}.
 */
public final class BuildOrder {
  /** Oldest first: ascending start time, then build number, then id. */
  public static final Comparator<Build> OLDEST_FIRST = Comparator.comparing(Position::of);

  /** Newest first: {@link #OLDEST_FIRST} reversed, CodeBuild's default listing order. */
  public static final Comparator<Build> NEWEST_FIRST = OLDEST_FIRST.reversed();

  private BuildOrder() {}

  /**
   * Where a build stands in the order: the three members the order reads, with a missing start time as {@link
   * Instant#MIN}, a missing number as {@link Long#MIN_VALUE} and a missing id as the empty string. Small enough to
   * index a store of a million builds by, and to put in a paging token.
   *
   * @param startTime when the build started, or {@link Instant#MIN}
   * @param buildNumber its number, or {@link Long#MIN_VALUE}
   * @param id its id, or empty
   */
  public record Position(Instant startTime, long buildNumber, String id) implements Comparable<Position> {
    /** Rejects nulls. */
    public Position {
      Objects.requireNonNull(startTime, "startTime");
      Objects.requireNonNull(id, "id");
    }

    /**
     * Whether two builds (two states of one build, say) hold the same position, without making either: a store
     * asks this on every transition, and most transitions keep the position.
     */
    public static boolean same(Build one, Build other) {
      return one.startTime().equals(other.startTime()) && one.buildNumber().equals(other.buildNumber())
          && one.id().equals(other.id());
    }

    /** The build's position. */
    public static Position of(Build build) {
      return new Position(build.startTime().orElse(Instant.MIN), build.buildNumber().orElse(Long.MIN_VALUE),
          build.id().orElse(""));
    }

    /**
     * A batch's position, read as a build's: its start time, its {@code buildBatchNumber}, its id. Batches are
     * listed, and superseded, in the same order as builds.
     */
    public static Position of(BuildBatch batch) {
      return new Position(batch.startTime().orElse(Instant.MIN), batch.buildBatchNumber().orElse(Long.MIN_VALUE),
          batch.id().orElse(""));
    }

    @Override
    public int compareTo(Position other) {
      int byStart = startTime.compareTo(other.startTime);
      if (byStart != 0) {
        return byStart;
      }
      int byNumber = Long.compare(buildNumber, other.buildNumber);
      return byNumber != 0 ? byNumber : id.compareTo(other.id);
    }
  }
}
