package io.buildstop.workflows.internal;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.workflows.StopReportLine;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * What the workflows need of one kind of thing they stop, builds or build batches: the stop port and the read port,
 * and what the domain says of one (complete, stoppable, superseded). The workflows are written
 * once against this; {@link #builds} and {@link #batches} bind it to the ports. Implementations never throw from
 * their port calls beyond what the ports do, which {@link Retrying#guarded} catches.
 *
 * @param <T> {@link Build} or {@link BuildBatch}
 */
public interface StopPorts<T> {

  /** Builds over StopBuild, BatchGetBuilds and ListBuildsForProject. */
  static StopPorts<Build> builds(BuildStopper stopper, BuildReader reader) {
    return new BuildPorts(stopper, reader);
  }

  /** Build batches over StopBuildBatch, BatchGetBuildBatches and ListBuildBatchesForProject. */
  static StopPorts<BuildBatch> batches(BuildBatchStopper stopper, BuildBatchReader reader) {
    return new BatchPorts(stopper, reader);
  }

  /** Which kind this is, as reports name it. */
  StopReportLine.Kind kind();

  /** The id as the stop port takes it, or {@link StopFailure.InvalidInput}. */
  Either<StopFailure, BuildId> parse(String id);

  /** The stop: StopBuild or StopBuildBatch. */
  Either<StopFailure, T> stop(BuildId id);

  /** The ones of {@code ids} found (at most {@link #maxReadIds()}): BatchGetBuilds or BatchGetBuildBatches. */
  Either<StopFailure, List<T>> read(List<String> ids);

  /** The most ids one {@link #read} takes. */
  int maxReadIds();

  /** One page of a project's ids: ListBuildsForProject or ListBuildBatchesForProject. */
  Either<StopFailure, BuildIdPage> listForProject(String project, Optional<String> nextToken);

  /** ResourceNotFound for an id the read did not find, as the stop would say it. */
  StopFailure notFound(BuildId id);

  /** Its id, if it has one that parses. */
  Optional<BuildId> idOf(T item);

  /** Whether it has settled: {@code BuildLifecycle.isComplete} or {@code BatchLifecycle.isComplete}. */
  boolean isComplete(T item);

  /** Whether a stop would stop it: {@code StopRules.isStoppable} or {@code BatchStopRules.isStoppable}. */
  boolean isStoppable(T item);

  /** {@code buildStatus} or {@code buildBatchStatus}. */
  Optional<StatusType> status(T item);

  /** What the superseded rule reads of it; empty without a valid id. */
  Optional<Supersedable> supersedable(T item);
}
