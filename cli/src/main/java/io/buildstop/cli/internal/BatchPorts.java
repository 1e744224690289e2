package io.buildstop.cli.internal;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import java.util.Objects;

/**
 * A backend's two batch ports: StopBuildBatch; BatchGetBuildBatches and ListBuildBatchesForProject, which {@code
 * stop-batch --wait} and {@code stop-superseded --batches} read with.
 *
 * @param stopper the StopBuildBatch port, never null
 * @param reader the batch reading port of the same backend, never null
 */
public record BatchPorts(BuildBatchStopper stopper, BuildBatchReader reader) {
  /** Rejects nulls. */
  public BatchPorts {
    Objects.requireNonNull(stopper, "stopper");
    Objects.requireNonNull(reader, "reader");
  }
}
