package io.buildstop.workflows.contract;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link WorkflowContract} needs from a backend besides its ports: builds of a project and source version that
 * started at a given instant, running or complete, and a build that completes on its own. Implement it over the
 * backend's seeding API in a few lines (see the in-memory one).
 *
 * <p>Every project name the contract passes is fresh, so one fixture may serve many tests.
 */
public interface WorkflowFixture {

  /** The stop port under test. */
  BuildStopper stopper();

  /** The read port under test, over the same builds. */
  BuildReader reader();

  /** The backend's clock: builds are seeded at instants before its {@code instant()}, which is "now". */
  Clock clock();

  /**
   * A build of {@code project} and {@code sourceVersion} that started at {@code startedAt} and is IN_PROGRESS (in any
   * phase after SUBMITTED), as the backend now holds it. Builds of a project get increasing build numbers in the
   * order they are seeded.
   */
  Build runningBuild(String project, String sourceVersion, Instant startedAt);

  /** A build like {@link #runningBuild} that then completed with {@code finalStatus}, as the backend now holds it. */
  Build completedBuild(String project, String sourceVersion, Instant startedAt, StatusType finalStatus);

  /** The running build completes on its own, now, with {@code finalStatus} (as a real build would). */
  void complete(BuildId id, StatusType finalStatus);

  /** The build as the backend holds it now, read without changing it; by default through {@link #reader()}. */
  default Optional<Build> storedBuild(BuildId id) {
    return reader().batchGetBuilds(List.of(id.value())).toJavaOptional()
        .flatMap(result -> result.builds().stream().findFirst());
  }
}
