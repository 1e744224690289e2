package io.buildstop.workflows.contract;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.model.BuildBatch;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Batches whose stop settles late, over any backend's batch ports, as {@link SettlingLater} is for builds: the stop is
 * made at once, but its answer and the next {@code readsBeforeSettling} reads still show the batch running.
 */
public final class BatchesSettlingLater implements BuildBatchStopper, BuildBatchReader {
  private final BuildBatchStopper stopper;
  private final BuildBatchReader reader;
  private final AtomicInteger readsLeft;
  private final AtomicReference<BuildBatch> running = new AtomicReference<>();
  private final AtomicInteger reads = new AtomicInteger();

  /** Stops through {@code stopper}, reads through {@code reader}; {@code readsBeforeSettling} stale reads. */
  public BatchesSettlingLater(BuildBatchStopper stopper, BuildBatchReader reader, int readsBeforeSettling) {
    this.stopper = stopper;
    this.reader = reader;
    this.readsLeft = new AtomicInteger(readsBeforeSettling);
  }

  @Override
  public Either<StopFailure, BuildBatch> stopBuildBatch(String id) {
    Optional<BuildBatch> before = reader.batchGetBuildBatches(List.of(id)).toJavaOptional()
        .flatMap(result -> result.buildBatches().stream().findFirst());
    Either<StopFailure, BuildBatch> result = stopper.stopBuildBatch(id);
    if (result.isRight() && before.isPresent() && BatchStopRules.isStoppable(before.get())) {
      running.set(before.get());
      return Either.right(before.get());
    }
    return result;
  }

  @Override
  public Either<StopFailure, BatchGetBuildBatchesResult> batchGetBuildBatches(List<String> ids) {
    reads.incrementAndGet();
    return reader.batchGetBuildBatches(ids).map(result -> new BatchGetBuildBatchesResult(
        result.buildBatches().stream().map(this::staleWhileSettling).toList(), result.buildBatchesNotFound()));
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatches(Optional<String> nextToken) {
    return reader.listBuildBatches(nextToken);
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatchesForProject(String projectName, Optional<String> nextToken) {
    return reader.listBuildBatchesForProject(projectName, nextToken);
  }

  /** How many BatchGetBuildBatches calls were made. */
  public int reads() {
    return reads.get();
  }

  private BuildBatch staleWhileSettling(BuildBatch batch) {
    BuildBatch stale = running.get();
    return stale != null && stale.id().equals(batch.id()) && readsLeft.getAndDecrement() > 0 ? stale : batch;
  }
}
