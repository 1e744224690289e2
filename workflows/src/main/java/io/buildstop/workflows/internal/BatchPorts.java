package io.buildstop.workflows.internal;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.workflows.StopReportLine;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link StopPorts} for build batches: {@link BuildBatchStopper} and {@link BuildBatchReader}. */
final class BatchPorts implements StopPorts<BuildBatch> {
  private final BuildBatchStopper stopper;
  private final BuildBatchReader reader;

  BatchPorts(BuildBatchStopper stopper, BuildBatchReader reader) {
    this.stopper = Objects.requireNonNull(stopper, "stopper");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public StopReportLine.Kind kind() {
    return StopReportLine.Kind.BUILD_BATCH;
  }

  @Override
  public Either<StopFailure, BuildId> parse(String id) {
    return BuildBatchIds.parse(id);
  }

  @Override
  public Either<StopFailure, BuildBatch> stop(BuildId id) {
    return stopper.stopBuildBatch(id.value());
  }

  @Override
  public Either<StopFailure, List<BuildBatch>> read(List<String> ids) {
    return reader.batchGetBuildBatches(ids).map(result -> result.buildBatches());
  }

  @Override
  public int maxReadIds() {
    return BuildBatchReader.MAX_BATCH_GET_IDS;
  }

  @Override
  public Either<StopFailure, BuildIdPage> listForProject(String project, Optional<String> nextToken) {
    return reader.listBuildBatchesForProject(project, nextToken);
  }

  // CodeBuild's words for a batch it does not have, as StopBuildBatch says them
  @Override
  public StopFailure notFound(BuildId id) {
    return new StopFailure.ResourceNotFound("Build batch " + id.value() + " not found", Optional.empty());
  }

  @Override
  public Optional<BuildId> idOf(BuildBatch batch) {
    return Supersedable.of(batch).map(Supersedable::id);
  }

  @Override
  public boolean isComplete(BuildBatch batch) {
    return BatchLifecycle.isComplete(batch);
  }

  @Override
  public boolean isStoppable(BuildBatch batch) {
    return BatchStopRules.isStoppable(batch);
  }

  @Override
  public Optional<StatusType> status(BuildBatch batch) {
    return batch.buildBatchStatus();
  }

  @Override
  public Optional<Supersedable> supersedable(BuildBatch batch) {
    return Supersedable.of(batch);
  }
}
