package io.buildstop.domain.lifecycle;

import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.batch.TaskEnvironment;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.ProjectBuildBatchConfig;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Batches in known states for the batch rules' example tests, timed as the StopBuildBatch capture. */
final class BatchScenarios {
  static final Instant SUBMITTED_AT = Instant.parse("2020-10-21T16:54:24.740Z");
  static final Instant DOWNLOADING_AT = Instant.parse("2020-10-21T16:54:25.039Z");
  static final Instant IN_PROGRESS_AT = Instant.parse("2020-10-21T16:54:56.583Z");
  static final String ARN = "arn:aws:codebuild:us-east-1:123456789012:build-batch/my-project:b1";

  static final BuildBatch CONFIGURATION = BuildBatch.builder()
      .id("my-project:b1")
      .arn(ARN)
      .projectName("my-project")
      .buildBatchNumber(3L)
      .initiator("Strohm")
      .build();

  private BatchScenarios() {}

  static Build memberConfiguration(BatchTask task) {
    return Build.builder()
        .id("my-project:" + task.identifier())
        .arn("arn:aws:codebuild:us-east-1:123456789012:build/my-project:" + task.identifier())
        .projectName("my-project")
        .build();
  }

  static BatchTask task(String identifier, String... dependOn) {
    return BatchTask.named(identifier).withDependOn(List.of(dependOn));
  }

  static BatchTask ignoringFailure(String identifier, String... dependOn) {
    return new BatchTask(identifier, Optional.empty(), TaskEnvironment.NONE, false, true, List.of(dependOn));
  }

  static BatchSpec graph(BatchTask... tasks) {
    return new BatchSpec.BuildGraph(false, List.of(tasks));
  }

  static BatchSpec fastFailGraph(BatchTask... tasks) {
    return new BatchSpec.BuildGraph(true, List.of(tasks));
  }

  /** StartBuildBatch's answer: DOWNLOAD_BATCHSPEC running. */
  static BatchRun started(BatchSpec spec) {
    return started(CONFIGURATION, spec);
  }

  static BatchRun started(BuildBatch configuration, BatchSpec spec) {
    return BatchLifecycle.start(configuration, spec, BatchScenarios::memberConfiguration, SUBMITTED_AT,
        DOWNLOADING_AT).get();
  }

  /** In IN_PROGRESS since {@link #IN_PROGRESS_AT}, its members without dependencies running. */
  static BatchRun inProgress(BatchSpec spec) {
    return BatchLifecycle.advance(started(spec), IN_PROGRESS_AT);
  }

  /** A batch whose batch config combines artifacts. */
  static BuildBatch combining() {
    return CONFIGURATION.withBuildBatchConfig(ProjectBuildBatchConfig.builder().combineArtifacts(true).build());
  }

  static Instant later(long seconds) {
    return IN_PROGRESS_AT.plusSeconds(seconds);
  }

  static Optional<StatusType> status(BatchRun run, String identifier) {
    return run.member(identifier).flatMap(Build::buildStatus);
  }

  static BuildBatchPhase closed(BuildBatchPhaseType type, StatusType status, Instant start, Instant end, long seconds) {
    return BuildBatchPhase.builder().phaseType(type).phaseStatus(status).startTime(start).endTime(end)
        .durationInSeconds(seconds).build();
  }

  static BuildBatchPhase open(BuildBatchPhaseType type, Instant start) {
    return BuildBatchPhase.builder().phaseType(type).startTime(start).build();
  }
}
