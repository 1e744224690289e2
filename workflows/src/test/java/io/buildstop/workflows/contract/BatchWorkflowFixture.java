package io.buildstop.workflows.contract;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.BuildBatch;
import java.util.List;
import java.util.Optional;

/**
 * What {@link BatchWorkflowContract} needs from a backend besides {@link WorkflowFixture}'s: its batch ports and
 * running batches. Every project name the contract passes is fresh, so one fixture may serve many tests.
 */
public interface BatchWorkflowFixture extends WorkflowFixture {

  /** The batch section every seeded batch runs: {@code test} depends on {@code build}. */
  String GRAPH = """
      version: 0.2
      batch:
        build-graph:
          - identifier: build
          - identifier: test
            depend-on:
              - build
      """;

  /** The StopBuildBatch port under test. */
  BuildBatchStopper batchStopper();

  /** The batch read port under test, over the same batches. */
  BuildBatchReader batchReader();

  /**
   * A batch of {@code project} and {@code sourceVersion} started now from {@link #GRAPH} and IN_PROGRESS: its member
   * {@code build} running, {@code test} not started; as the backend now holds it. Batches of a project get
   * increasing batch numbers in the order they are seeded, and start after every build seeded before them.
   */
  BuildBatch runningBatch(String project, String sourceVersion);

  /** The batch as the backend holds it now, read without changing it; by default through {@link #batchReader()}. */
  default Optional<BuildBatch> storedBatch(BuildId id) {
    return batchReader().batchGetBuildBatches(List.of(id.value())).toJavaOptional()
        .flatMap(result -> result.buildBatches().stream().findFirst());
  }
}
