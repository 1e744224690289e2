package io.buildstop.api;

import io.buildstop.domain.model.BuildBatch;
import java.util.List;
import java.util.Objects;

/**
 * What {@code BatchGetBuildBatches} answers: the batches found, in the order asked, and the ids that name no batch.
 *
 * @param buildBatches the batches found
 * @param buildBatchesNotFound the ids, as given, that name no batch
 */
public record BatchGetBuildBatchesResult(List<BuildBatch> buildBatches, List<String> buildBatchesNotFound) {
  /** Copies both lists; rejects nulls. */
  public BatchGetBuildBatchesResult {
    buildBatches = List.copyOf(Objects.requireNonNull(buildBatches, "buildBatches"));
    buildBatchesNotFound = List.copyOf(Objects.requireNonNull(buildBatchesNotFound, "buildBatchesNotFound"));
  }
}
