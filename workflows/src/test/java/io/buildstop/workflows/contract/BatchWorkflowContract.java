package io.buildstop.workflows.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.workflows.Backoff;
import io.buildstop.workflows.BuildGuard;
import io.buildstop.workflows.Outcome;
import io.buildstop.workflows.StopAndWait;
import io.buildstop.workflows.StopAndWaitFailure;
import io.buildstop.workflows.StopOnCancellation;
import io.buildstop.workflows.StopReport;
import io.buildstop.workflows.StopReportLine;
import io.buildstop.workflows.StopSuperseded;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The workflows for batch builds against a backend, as {@link WorkflowContract} is for builds: subclass it with a
 * {@link BatchWorkflowFixture}. Workflows wait on a {@link FakeTime}.
 */
public abstract class BatchWorkflowContract {
  /** The backend under test, with its seeding hooks; called once per test. */
  protected abstract BatchWorkflowFixture fixture();

  private BatchWorkflowFixture fixture;
  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));

  private BatchWorkflowFixture theFixture() {
    if (fixture == null) {
      fixture = fixture();
    }
    return fixture;
  }

  private BuildBatch running(String project, String version) {
    return theFixture().runningBatch(project, version);
  }

  private static BuildId idOf(BuildBatch batch) {
    return BuildBatchIds.parse(batch.id().orElseThrow()).get();
  }

  private BuildBatch stored(BuildBatch batch) {
    return theFixture().storedBatch(idOf(batch)).orElseThrow();
  }

  // the member build the group names, as the build ports read it: a member is a build
  private Build member(BuildBatch batch, String identifier) {
    String arn = batch.buildGroups().stream().filter(group -> group.identifier().orElse("").equals(identifier))
        .findFirst().flatMap(group -> group.currentBuildSummary()).flatMap(summary -> summary.arn()).orElseThrow();
    return theFixture().storedBuild(BuildId.parse(arn).get()).orElseThrow();
  }

  private StopAndWait<BuildBatch> stopAndWait() {
    return StopAndWait.withBatches(theFixture().batchStopper(), theFixture().batchReader()).clock(time)
        .sleeper(time).timeout(Duration.ofMinutes(5))
        .backoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2, 0)).random(new SplittableRandom(1));
  }

  private StopSuperseded superseded() {
    return StopSuperseded.of(theFixture().stopper(), theFixture().reader())
        .batches(theFixture().batchStopper(), theFixture().batchReader())
        .sleeper(time).backoff(Backoff.fixed(Duration.ofSeconds(1))).random(new SplittableRandom(2));
  }

  private StopOnCancellation guards() {
    return StopOnCancellation.ofBatches(theFixture().batchStopper(), theFixture().batchReader()).sleeper(time)
        .backoff(Backoff.fixed(Duration.ofSeconds(1))).random(new SplittableRandom(4));
  }

  @Nested
  @DisplayName("stop and wait: StopBuildBatch, then BatchGetBuildBatches until complete")
  class StopAndWaitForABatch {
    @Test
    void aRunningBatchComesBackStoppedAndCompleteWithItsRunningMemberStopped() {
      BuildBatch batch = running(WorkflowContract.freshProject(), "main");

      Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result = stopAndWait().run(batch.id().orElseThrow());

      assertThat(result.get().buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(result.get().complete()).contains(true);
      assertThat(result.get()).isEqualTo(stored(batch));
      assertThat(member(result.get(), "build").buildStatus()).contains(StatusType.STOPPED);
      assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aStoppedBatchComesBackUnchangedByItsArnToo() {
      BuildBatch batch = running(WorkflowContract.freshProject(), "main");
      BuildBatch stopped = stopAndWait().run(batch.id().orElseThrow()).get();

      Either<StopAndWaitFailure<BuildBatch>, BuildBatch> again = stopAndWait().run(batch.arn().orElseThrow());

      assertThat(again.get()).isEqualTo(stopped);
    }

    @Test
    void aStopThatSettlesLaterIsWaitedFor() {
      BuildBatch batch = running(WorkflowContract.freshProject(), "main");
      BatchesSettlingLater settling =
          new BatchesSettlingLater(theFixture().batchStopper(), theFixture().batchReader(), 3);

      Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result = StopAndWait.withBatches(settling, settling)
          .clock(time).sleeper(time).backoff(Backoff.fixed(Duration.ofSeconds(2))).run(batch.id().orElseThrow());

      assertThat(result.get().buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(settling.reads()).isEqualTo(4);
      assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void anUnknownBatchIsNotFoundAndAMalformedIdInvalidInput() {
      String unknown = WorkflowContract.freshProject() + ":00000000-0000-0000-0000-000000000000";

      StopFailure notFound = ((StopAndWaitFailure.Failed<BuildBatch>) stopAndWait().run(unknown).getLeft())
          .failure();
      StopFailure invalid = ((StopAndWaitFailure.Failed<BuildBatch>) stopAndWait().run("no colon").getLeft())
          .failure();

      assertThat(notFound.code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
      assertThat(notFound.message()).contains(unknown);
      assertThat(invalid.code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    }
  }

  @Nested
  @DisplayName("stop superseded, covering batches: a batch is a run of its branch, as a build is")
  class StopSupersededBatches {
    @Test
    void theOlderRunsOfTheBranchStopAndTheNewestBatchAndOtherBranchesRun() {
      String project = WorkflowContract.freshProject();
      Build olderBuild = theFixture().runningBuild(project, "main", theFixture().clock().instant().minusSeconds(300));
      BuildBatch olderBatch = running(project, "main");
      BuildBatch newest = running(project, "main");
      BuildBatch otherBranch = running(project, "pr/7");

      StopReport report = superseded().project(project).sourceVersion("main").run().get();

      assertThat(report.lines()).extracting(StopReportLine::kind, line -> line.id().value(),
              line -> line.outcome().code())
          .containsExactly(
              tuple(StopReportLine.Kind.BUILD_BATCH, olderBatch.id().orElseThrow(),
                  Outcome.Code.STOPPED),
              tuple(StopReportLine.Kind.BUILD, olderBuild.id().orElseThrow(),
                  Outcome.Code.STOPPED));
      assertThat(stored(olderBatch).buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(member(stored(olderBatch), "build").buildStatus()).contains(StatusType.STOPPED);
      assertThat(stored(newest)).isEqualTo(newest);
      assertThat(stored(otherBranch)).isEqualTo(otherBranch);
      assertThat(member(newest, "build").buildStatus()).as("the newest batch's member, a build of the branch")
          .contains(StatusType.IN_PROGRESS);
    }

    @Test
    void aDryRunReportsTheBatchItWouldStopAndStopsNothing() {
      String project = WorkflowContract.freshProject();
      BuildBatch older = running(project, "main");
      running(project, "main");

      StopReport report = superseded().project(project).sourceVersion("main").dryRun(true).run().get();

      assertThat(report.lines()).containsExactly(
          new StopReportLine(idOf(older), new Outcome.WouldStop<>(older), StopReportLine.Kind.BUILD_BATCH));
      assertThat(stored(older)).isEqualTo(older);
    }
  }

  @Nested
  @DisplayName("stop on cancellation of a batch")
  class StopOnCancellationOfABatch {
    @Test
    void closingAGuardStopsTheRunningBatchWithItsMember() {
      BuildBatch batch = running(WorkflowContract.freshProject(), "main");
      BuildGuard guard = guards().guard(idOf(batch));

      guard.close();

      assertThat(stored(batch).buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(member(stored(batch), "build").buildStatus()).contains(StatusType.STOPPED);
      assertThat(guard.outcome()).contains(new Outcome.Stopped<>(stored(batch)));
    }

    @Test
    void aCompleteBatchIsLeftAloneAndADisarmedOrDryRunGuardStopsNothing() {
      BuildBatch batch = running(WorkflowContract.freshProject(), "main");
      BuildBatch stopped = theFixture().batchStopper().stopBuildBatch(batch.id().orElseThrow()).get();
      BuildBatch other = running(WorkflowContract.freshProject(), "main");
      BuildGuard afterCompletion = guards().guard(idOf(batch));
      BuildGuard disarmed = guards().guard(idOf(other));
      BuildGuard dryRun = guards().dryRun(true).guard(idOf(other));

      afterCompletion.close();
      disarmed.disarm();
      disarmed.close();
      dryRun.close();

      assertThat(afterCompletion.outcome()).contains(new Outcome.AlreadyComplete<>(stopped));
      assertThat(disarmed.outcome()).isEmpty();
      assertThat(dryRun.outcome()).contains(new Outcome.WouldStop<>(other));
      assertThat(stored(other)).isEqualTo(other);
    }

    @Test
    void anUnknownBatchIsNotFound() {
      BuildId unknown = BuildBatchIds.parse(WorkflowContract.freshProject()
          + ":00000000-0000-0000-0000-000000000000").get();
      BuildGuard guard = guards().guard(unknown);

      guard.close();

      assertThat(guard.outcome().orElseThrow().code()).isEqualTo(Outcome.Code.NOT_FOUND);
    }
  }
}
