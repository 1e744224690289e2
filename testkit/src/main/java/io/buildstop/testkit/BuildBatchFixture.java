package io.buildstop.testkit;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import java.util.UUID;

/**
 * What {@link BuildBatchStopperContract} and {@link BuildBatchReaderContract} need from a backend besides the batch
 * ports: batches put into given states. The builds of a batch are read through the build ports of {@link
 * BuildReaderFixture}. The seeding may go around the ports under test, as a remote backend's fixture seeds the
 * CodeBuild behind it.
 *
 * <p>Every project name the contract passes is fresh, so one fixture may serve many tests.
 */
public interface BuildBatchFixture extends BuildReaderFixture {

  /** The StopBuildBatch port under test. */
  BuildBatchStopper batchStopper();

  /** The batch read port under test, over the same batches. */
  BuildBatchReader batchReader();

  /**
   * A batch of {@code projectName} that is IN_PROGRESS, from the build graph {@link #RUNNING_GRAPH}: its member
   * {@code first} running, its member {@code second}, which depends on {@code first}, not started; as the backend now
   * holds it.
   */
  BuildBatch runningBatch(String projectName);

  /**
   * A batch of {@code projectName} from {@link #RUNNING_GRAPH} that finished with {@code finalStatus} (SUCCEEDED,
   * FAILED or STOPPED), as the backend now holds it.
   */
  BuildBatch finishedBatch(String projectName, StatusType finalStatus);

  /** The batch section {@link #runningBatch(String)} starts from: {@code second} depends on {@code first}. */
  String RUNNING_GRAPH = """
      version: 0.2
      batch:
        build-graph:
          - identifier: first
          - identifier: second
            depend-on:
              - first
      """;

  /** A batch id of the valid form that names no batch; by default a fresh uuid in a project nobody uses. */
  default String unknownBatchId() {
    return "buildstop-contract-no-such-project:" + UUID.randomUUID();
  }
}
