package io.buildstop.cli.internal;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend's ports (the build ports, and the batch ports when it has them), remembering which CodeBuild operation failed last, so that a workflow's failure is reported
 * as the AWS CLI reports a failed call: {@code when calling the ListBuildsForProject operation}. The workflows return
 * the failure, not the call it came from.
 */
public final class TrackedPorts {
  /** The operations, by the names CodeBuild and the AWS CLI give them. */
  public static final String STOP_BUILD = "StopBuild";
  /** BatchGetBuilds. */
  public static final String BATCH_GET_BUILDS = "BatchGetBuilds";
  /** ListBuildsForProject. */
  public static final String LIST_BUILDS_FOR_PROJECT = "ListBuildsForProject";
  /** StopBuildBatch. */
  public static final String STOP_BUILD_BATCH = "StopBuildBatch";
  /** BatchGetBuildBatches. */
  public static final String BATCH_GET_BUILD_BATCHES = "BatchGetBuildBatches";
  /** ListBuildBatches. */
  public static final String LIST_BUILD_BATCHES = "ListBuildBatches";
  /** ListBuildBatchesForProject. */
  public static final String LIST_BUILD_BATCHES_FOR_PROJECT = "ListBuildBatchesForProject";

  private final AtomicReference<Failed> lastFailed = new AtomicReference<>();
  private final BuildStopper stopper;
  private final BuildReader reader;
  private final BatchPorts batches;

  /** Tracks the ports of {@code backend}. */
  public TrackedPorts(Backend backend) {
    BuildStopper stopping = Objects.requireNonNull(backend, "backend").stopper();
    BuildReader reading = backend.reader();
    this.stopper = new BuildStopper() {
      @Override
      public Either<StopFailure, Build> stopBuild(String id) {
        return track(STOP_BUILD, stopping.stopBuild(id));
      }

      @Override
      public Either<StopFailure, Build> stopBuild(BuildId id) {
        return track(STOP_BUILD, stopping.stopBuild(id));
      }
    };
    this.reader = new BuildReader() {
      @Override
      public Either<StopFailure, BatchGetBuildsResult> batchGetBuilds(List<String> ids) {
        return track(BATCH_GET_BUILDS, reading.batchGetBuilds(ids));
      }

      @Override
      public Either<StopFailure, BuildIdPage> listBuildsForProject(String projectName, Optional<String> nextToken) {
        return track(LIST_BUILDS_FOR_PROJECT, reading.listBuildsForProject(projectName, nextToken));
      }
    };
    this.batches = tracked(backend.batches());
  }

  private BatchPorts tracked(BatchPorts ports) {
    BuildBatchStopper stopping = ports.stopper();
    BuildBatchReader reading = ports.reader();
    return new BatchPorts(id -> track(STOP_BUILD_BATCH, stopping.stopBuildBatch(id)), new BuildBatchReader() {
      @Override
      public Either<StopFailure, BatchGetBuildBatchesResult> batchGetBuildBatches(List<String> ids) {
        return track(BATCH_GET_BUILD_BATCHES, reading.batchGetBuildBatches(ids));
      }

      @Override
      public Either<StopFailure, BuildIdPage> listBuildBatches(Optional<String> nextToken) {
        return track(LIST_BUILD_BATCHES, reading.listBuildBatches(nextToken));
      }

      @Override
      public Either<StopFailure, BuildIdPage> listBuildBatchesForProject(String projectName,
          Optional<String> nextToken) {
        return track(LIST_BUILD_BATCHES_FOR_PROJECT, reading.listBuildBatchesForProject(projectName, nextToken));
      }
    });
  }

  /** The StopBuild port. */
  public BuildStopper stopper() {
    return stopper;
  }

  /** The reading port. */
  public BuildReader reader() {
    return reader;
  }

  /** The batch ports, tracked as the others. */
  public BatchPorts batches() {
    return batches;
  }

  /**
   * The operation whose call answered {@code failure}, if the last failed call did; empty when the failure came from
   * no call (a check the workflow made itself, a broken clock) or from an earlier call than the last failed one.
   */
  public Optional<String> operationThatFailedWith(StopFailure failure) {
    Failed last = lastFailed.get();
    return last != null && last.failure() == failure ? Optional.of(last.operation()) : Optional.empty();
  }

  private <T> Either<StopFailure, T> track(String operation, Either<StopFailure, T> result) {
    if (result != null && result.isLeft()) {
      lastFailed.set(new Failed(operation, result.getLeft()));
    }
    return result;
  }

  private record Failed(String operation, StopFailure failure) {}
}
