package io.buildstop.workflows;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import java.util.List;
import java.util.Objects;

/**
 * What {@link StopSuperseded#plan(List, List, String, String, SupersededPolicy)} decided: the builds and the batches
 * to stop, each list newest first.
 *
 * @param builds the builds to stop (never a batch's member build: it stops with its batch)
 * @param buildBatches the batches to stop
 */
public record SupersededPlan(List<Build> builds, List<BuildBatch> buildBatches) {
  /** Copies both lists; rejects nulls. */
  public SupersededPlan {
    builds = List.copyOf(Objects.requireNonNull(builds, "builds"));
    buildBatches = List.copyOf(Objects.requireNonNull(buildBatches, "buildBatches"));
  }
}
