package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.BatchScenarios.DOWNLOADING_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.IN_PROGRESS_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.SUBMITTED_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.closed;
import static io.buildstop.domain.lifecycle.BatchScenarios.combining;
import static io.buildstop.domain.lifecycle.BatchScenarios.graph;
import static io.buildstop.domain.lifecycle.BatchScenarios.inProgress;
import static io.buildstop.domain.lifecycle.BatchScenarios.later;
import static io.buildstop.domain.lifecycle.BatchScenarios.open;
import static io.buildstop.domain.lifecycle.BatchScenarios.started;
import static io.buildstop.domain.lifecycle.BatchScenarios.status;
import static io.buildstop.domain.lifecycle.BatchScenarios.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** StopBuildBatch, example by example (docs/batch-rules.md). */
@DisplayName("BatchStopRules")
class BatchStopRulesTest {
  // the StopBuildBatch capture (AWS CLI's stop-build-batch example): stopped at 16:56:05.152
  private static final Instant STOPPED_AT = Instant.parse("2020-10-21T16:56:05.152Z");

  @Nested
  @DisplayName("stoppable are exactly the IN_PROGRESS batches")
  class Stoppable {
    @Test
    void aRunningBatchIsStoppable() {
      assertThat(BatchStopRules.isStoppable(started(graph(task("a"))).batch())).isTrue();
    }

    @ParameterizedTest(name = "a {0} batch is not stoppable")
    @ValueSource(strings = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED", "PENDING", ""})
    void aBatchWithAnyOtherStatusIsNotStoppable(String status) {
      assertThat(BatchStopRules.isStoppable(BuildBatch.builder().buildBatchStatusAsString(status).build())).isFalse();
    }

    @Test
    void aBatchWithoutStatusIsNotStoppable() {
      assertThat(BatchStopRules.isStoppable(BuildBatch.builder().build())).isFalse();
    }
  }

  @Nested
  @DisplayName("stopping a running batch at T")
  class StoppingARunningBatch {
    @Test
    void aBatchInProgressStopsAsTheCaptureShows() {
      BatchRun stopped = BatchStopRules.stop(inProgress(graph(task("linux_small"))), STOPPED_AT);
      BuildBatch batch = stopped.batch();

      assertThat(batch.phases()).containsExactly(
          closed(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED, SUBMITTED_AT, DOWNLOADING_AT, 0),
          closed(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, StatusType.SUCCEEDED, DOWNLOADING_AT, IN_PROGRESS_AT, 31),
          closed(BuildBatchPhaseType.IN_PROGRESS, StatusType.STOPPED, IN_PROGRESS_AT, STOPPED_AT, 68),
          open(BuildBatchPhaseType.STOPPED, STOPPED_AT));
      assertThat(batch.currentPhase()).contains(BuildBatchPhaseType.STOPPED);
      assertThat(batch.buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(batch.complete()).contains(true);
      assertThat(batch.endTime()).contains(STOPPED_AT);
      assertThat(BatchInvariants.violations(stopped)).isEmpty();
    }

    @Test
    void runningMembersStopByTheBuildStopRulesAtTheSameInstant() {
      BatchRun run = BatchLifecycle.advanceMember(inProgress(graph(task("a"), task("b"))), "a", later(5));

      BatchRun stopped = BatchStopRules.stop(run, later(9));

      assertThat(stopped.member("a")).contains(StopRules.stop(run.member("a").orElseThrow(), later(9)));
      assertThat(stopped.member("b")).contains(StopRules.stop(run.member("b").orElseThrow(), later(9)));
      assertThat(status(stopped, "a")).contains(StatusType.STOPPED);
      assertThat(stopped.batch().buildGroups()).allMatch(group -> group.currentBuildSummary().orElseThrow()
          .buildStatus().orElseThrow() == StatusType.STOPPED);
    }

    @Test
    void membersNotYetStartedNeverStart() {
      BatchRun stopped = BatchStopRules.stop(inProgress(graph(task("a"), task("b", "a"))), later(9));
      Build b = stopped.member("b").orElseThrow();

      BatchRun afterwards = BatchLifecycle.advance(
          BatchLifecycle.completeMember(stopped, "a", StatusType.SUCCEEDED, later(10)), later(11));

      assertThat(afterwards).isSameAs(stopped);
      assertThat(afterwards.member("b")).contains(b);
      assertThat(afterwards.isStarted("b")).isFalse();
      assertThat(afterwards.batch().buildGroups().get(1).currentBuildSummary()).isEmpty();
    }

    @Test
    void finishedMembersKeepTheirFinalStatus() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b"))), "a",
          StatusType.SUCCEEDED, later(3));

      BatchRun stopped = BatchStopRules.stop(run, later(9));

      assertThat(stopped.member("a")).isEqualTo(run.member("a"));
      assertThat(status(stopped, "b")).contains(StatusType.STOPPED);
    }

    @Test
    void aBatchDownloadingItsBatchSpecStopsThereWithNoMemberStarted() {
      BatchRun stopped = BatchStopRules.stop(started(graph(task("a"))), DOWNLOADING_AT.plusSeconds(3));

      assertThat(stopped.batch().phases().subList(1, 3)).containsExactly(
          closed(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, StatusType.STOPPED, DOWNLOADING_AT,
              DOWNLOADING_AT.plusSeconds(3), 3),
          open(BuildBatchPhaseType.STOPPED, DOWNLOADING_AT.plusSeconds(3)));
      assertThat(stopped.isStarted("a")).isFalse();
      assertThat(BatchInvariants.violations(stopped)).isEmpty();
    }

    @Test
    void aBatchCombiningArtifactsStopsThere() {
      BatchRun combining = BatchLifecycle.completeMember(
          BatchLifecycle.advance(started(combining(), graph(task("a"))), IN_PROGRESS_AT), "a",
          StatusType.SUCCEEDED, later(10));

      BatchRun stopped = BatchStopRules.stop(combining, later(11));

      assertThat(stopped.batch().phases().subList(3, 5)).containsExactly(
          closed(BuildBatchPhaseType.COMBINE_ARTIFACTS, StatusType.STOPPED, later(10), later(11), 1),
          open(BuildBatchPhaseType.STOPPED, later(11)));
      assertThat(BatchInvariants.violations(stopped)).isEmpty();
    }

    @Test
    void theBatchKeepsItsIdentityConfigurationAndGroups() {
      BatchRun run = inProgress(graph(task("a"), task("b", "a")));

      BuildBatch stopped = BatchStopRules.stop(run, later(9)).batch();

      assertThat(stopped.id()).isEqualTo(run.batch().id());
      assertThat(stopped.arn()).isEqualTo(run.batch().arn());
      assertThat(stopped.startTime()).isEqualTo(run.batch().startTime());
      assertThat(stopped.buildBatchNumber()).isEqualTo(run.batch().buildBatchNumber());
      assertThat(stopped.buildGroups()).extracting(group -> group.withCurrentBuildSummary(java.util.Optional.empty()))
          .isEqualTo(run.batch().buildGroups().stream()
              .map(group -> group.withCurrentBuildSummary(java.util.Optional.empty())).toList());
    }

    @Test
    void anInstantBeforeWhatTheRunRecordsMovesToTheLatestOfIt() {
      // a member's running phase began at later(5): nothing may end before it, the batch included
      BatchRun run = BatchLifecycle.advanceMember(inProgress(graph(task("a"))), "a", later(5));

      BatchRun stopped = BatchStopRules.stop(run, later(2));

      assertThat(stopped.batch().endTime()).contains(later(5));
      assertThat(stopped.member("a").orElseThrow().endTime()).contains(later(5));
      assertThat(BatchInvariants.violations(stopped)).isEmpty();
    }
  }

  @Nested
  @DisplayName("a running batch without a running phase")
  class WithoutARunningPhase {
    @Test
    void aRunningBatchWhoseLastPhaseIsClosedGetsTheStoppedPhaseAfterIt() {
      BatchRun run = started(graph(task("a")));
      BatchRun closedLast = run.withBatch(run.batch().withPhases(run.batch().phases().get(0)));

      BatchRun stopped = BatchStopRules.stop(closedLast, DOWNLOADING_AT);

      assertThat(stopped.batch().phases()).containsExactly(run.batch().phases().get(0),
          open(BuildBatchPhaseType.STOPPED, DOWNLOADING_AT));
    }
  }

  @Nested
  @DisplayName("a finished batch comes back unchanged, members and all")
  class FinishedBatch {
    @Test
    void aSecondStopReturnsTheFirstStopsResult() {
      BatchRun stopped = BatchStopRules.stop(inProgress(graph(task("a"))), later(9));

      assertThat(BatchStopRules.stop(stopped, later(20))).isSameAs(stopped);
    }

    @Test
    void aSucceededOrFailedBatchKeepsItsStatus() {
      BatchRun succeeded = BatchLifecycle.completeMember(inProgress(graph(task("a"))), "a", StatusType.SUCCEEDED,
          later(3));
      BatchRun failed = BatchLifecycle.completeMember(inProgress(graph(task("a"))), "a", StatusType.FAILED,
          later(3));

      assertThat(BatchStopRules.stop(succeeded, later(9))).isSameAs(succeeded);
      assertThat(BatchStopRules.stop(failed, later(9))).isSameAs(failed);
    }
  }
}
