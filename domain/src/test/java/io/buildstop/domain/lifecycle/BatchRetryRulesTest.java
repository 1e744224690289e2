package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.BatchScenarios.fastFailGraph;
import static io.buildstop.domain.lifecycle.BatchScenarios.graph;
import static io.buildstop.domain.lifecycle.BatchScenarios.ignoringFailure;
import static io.buildstop.domain.lifecycle.BatchScenarios.inProgress;
import static io.buildstop.domain.lifecycle.BatchScenarios.later;
import static io.buildstop.domain.lifecycle.BatchScenarios.open;
import static io.buildstop.domain.lifecycle.BatchScenarios.started;
import static io.buildstop.domain.lifecycle.BatchScenarios.status;
import static io.buildstop.domain.lifecycle.BatchScenarios.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RetryBuildBatch, example by example (docs/batch-rules.md §5a, buildstop's policy rules 3 and 4). */
@DisplayName("BatchRetryRules")
class BatchRetryRulesTest {
  // each new attempt gets a new id and ARN, as a backend gives it
  private static final UnaryOperator<Build> NEXT_ATTEMPT = member -> member
      .withId(member.id().orElseThrow() + "-again").withArn(member.arn().orElseThrow() + "-again");

  // a graph whose first member fails: the second never runs, the batch fails
  private static final BatchRun FAILED =
      BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b", "a"))), "a", StatusType.FAILED, later(10));

  @Nested
  @DisplayName("which batches can be retried")
  class Retryable {
    @Test
    void aRunningBatchIsRefusedAndUnchanged() {
      BatchRun running = inProgress(graph(task("a")));

      Either<StopFailure, BatchRun> retried = retry(running, RetryBuildBatchType.RETRY_ALL_BUILDS, later(5));

      assertThat(retried.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(retried.getLeft().message())
          .startsWith("Only batch builds that have failed can be retried").contains("IN_PROGRESS");
    }

    @Test
    void aBatchStillDownloadingItsBatchSpecIsRefused() {
      assertThat(retry(started(graph(task("a"))), RetryBuildBatchType.RETRY_ALL_BUILDS, later(5)).isLeft()).isTrue();
    }

    @Test
    void aSucceededBatchIsRefused() {
      BatchRun succeeded = BatchLifecycle.completeMember(inProgress(graph(task("a"))), "a", StatusType.SUCCEEDED,
          later(10));

      assertThat(retry(succeeded, RetryBuildBatchType.RETRY_FAILED_BUILDS, later(20)).getLeft().message())
          .contains("SUCCEEDED");
    }

    @Test
    void failedAndStoppedBatchesCanBeRetried() {
      BatchRun stopped = BatchStopRules.stop(inProgress(graph(task("a"))), later(3));

      assertThat(BatchPolicy.isRetryable(FAILED.batch())).isTrue();
      assertThat(BatchPolicy.isRetryable(stopped.batch())).isTrue();
      assertThat(retry(stopped, RetryBuildBatchType.RETRY_ALL_BUILDS, later(4)).isRight()).isTrue();
    }
  }

  @Nested
  @DisplayName("the retried batch")
  class TheRetriedBatch {
    @Test
    void itRunsAgainInPlaceAsTheRetryCaptureShows() {
      // the retry capture: the FAILED phase began at 17:28:16.060 and the retry came at 17:29:39.709, 83 s later
      Instant retriedAt = FAILED.batch().endTime().orElseThrow().plusMillis(83_649);

      BatchRun retried = retry(FAILED, RetryBuildBatchType.RETRY_ALL_BUILDS, retriedAt).get();

      List<BuildBatchPhase> phases = retried.batch().phases();
      assertThat(phases.subList(0, phases.size() - 2)).isEqualTo(
          FAILED.batch().phases().subList(0, FAILED.batch().phases().size() - 1));
      assertThat(phases.get(phases.size() - 2)).isEqualTo(BuildBatchPhase.builder()
          .phaseType(BuildBatchPhaseType.FAILED).phaseStatusAsString("RETRY")
          .startTime(FAILED.batch().endTime().orElseThrow()).endTime(retriedAt).durationInSeconds(83L).build());
      assertThat(phases.get(phases.size() - 1)).isEqualTo(open(BuildBatchPhaseType.SUBMITTED, retriedAt));
      assertThat(retried.batch().buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(retried.batch().currentPhase()).contains(BuildBatchPhaseType.SUBMITTED);
      assertThat(retried.batch().complete()).contains(false);
      assertThat(retried.batch().endTime()).isEmpty();
      assertThat(BatchInvariants.violations(retried)).isEmpty();
    }

    @Test
    void itKeepsItsIdentityAndNumber() {
      BatchRun retried = retry(FAILED, RetryBuildBatchType.RETRY_ALL_BUILDS, later(20)).get();

      assertThat(retried.batch().id()).isEqualTo(FAILED.batch().id());
      assertThat(retried.batch().arn()).isEqualTo(FAILED.batch().arn());
      assertThat(retried.batch().buildBatchNumber()).isEqualTo(FAILED.batch().buildBatchNumber());
      assertThat(retried.batch().startTime()).isEqualTo(FAILED.batch().startTime());
      assertThat(retried.fastFail()).isEqualTo(FAILED.fastFail());
    }

    @Test
    void eachRetriedMemberGetsExactlyOneNewAttemptAndItsSummaryBecomesAPriorOne() {
      BuildSummary before = group(FAILED, "a").currentBuildSummary().orElseThrow();

      BatchRun retried = retry(FAILED, RetryBuildBatchType.RETRY_ALL_BUILDS, later(20)).get();

      assertThat(group(retried, "a").priorBuildSummaryList()).containsExactly(before);
      assertThat(group(retried, "a").currentBuildSummary()).isEmpty();
      Build next = retried.member("a").orElseThrow();
      assertThat(next.id()).contains(FAILED.member("a").orElseThrow().id().orElseThrow() + "-again");
      assertThat(next.buildStatusAsString()).isEmpty();
      assertThat(next.phases()).isEmpty();
      assertThat(next.buildBatchArn()).isEqualTo(FAILED.batch().arn());
      // b never ran: it has no attempt to retry, and starts in the new attempt as at the first
      assertThat(group(retried, "b").priorBuildSummaryList()).isEmpty();
      assertThat(retried.member("b")).isEqualTo(FAILED.member("b"));
    }

    @Test
    void theNewAttemptRunsItsMembersAgainByTheLifecycle() {
      BatchRun retried = retry(FAILED, RetryBuildBatchType.RETRY_ALL_BUILDS, later(20)).get();

      BatchRun running = BatchLifecycle.advance(BatchLifecycle.advance(retried, later(21)), later(22));
      BatchRun done = BatchLifecycle.completeMember(
          BatchLifecycle.completeMember(running, "a", StatusType.SUCCEEDED, later(30)), "b", StatusType.SUCCEEDED,
          later(40));

      assertThat(status(running, "a")).contains(StatusType.IN_PROGRESS);
      assertThat(done.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
      assertThat(group(done, "a").priorBuildSummaryList()).hasSize(1);
      assertThat(BatchInvariants.violations(running)).isEmpty();
      assertThat(BatchInvariants.violations(done)).isEmpty();
    }

    @Test
    void aSecondRetryAddsASecondPriorAttempt() {
      BatchRun again = BatchLifecycle.advance(BatchLifecycle.advance(
          retry(FAILED, RetryBuildBatchType.RETRY_ALL_BUILDS, later(20)).get(), later(21)), later(22));
      BatchRun failedAgain = BatchLifecycle.completeMember(again, "a", StatusType.FAILED, later(30));
      UnaryOperator<Build> third = member -> member.withId(member.id().orElseThrow() + "-3")
          .withArn(member.arn().orElseThrow() + "-3");

      BatchRun retried = BatchRetryRules.retry(failedAgain, RetryBuildBatchType.RETRY_ALL_BUILDS, third, later(40))
          .get();

      assertThat(group(retried, "a").priorBuildSummaryList()).hasSize(2);
      assertThat(BatchInvariants.violations(retried)).isEmpty();
    }
  }

  @Nested
  @DisplayName("which members run again (buildstop's policy, rule 4)")
  class MembersToRetry {
    // a and c succeed, b fails with its failure ignored, d (after b) succeeds; the batch is stopped after
    private final BatchRun mixed = BatchStopRules.stop(BatchLifecycle.completeMember(BatchLifecycle.completeMember(
        BatchLifecycle.completeMember(BatchLifecycle.completeMember(
            inProgress(graph(task("a"), ignoringFailure("b"), task("c"), task("d", "b"), task("e", "a"))),
            "a", StatusType.SUCCEEDED, later(5)), "b", StatusType.FAILED, later(6)),
        "c", StatusType.SUCCEEDED, later(7)), "d", StatusType.SUCCEEDED, later(8)), later(9));

    @Test
    void retryAllBuildsRunsEveryMemberThatRan() {
      assertThat(BatchPolicy.membersToRetry(mixed, RetryBuildBatchType.RETRY_ALL_BUILDS))
          .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void retryFailedBuildsRunsTheOnesThatDidNotSucceedAndTheirDependants() {
      // b failed (ignored or not), e was stopped with the batch, d depends on b
      assertThat(status(mixed, "e")).contains(StatusType.STOPPED);
      assertThat(BatchPolicy.membersToRetry(mixed, RetryBuildBatchType.RETRY_FAILED_BUILDS))
          .containsExactly("b", "d", "e");
    }

    @Test
    void membersThatDidNotRunAgainKeepTheirBuilds() {
      BatchRun retried = retry(mixed, RetryBuildBatchType.RETRY_FAILED_BUILDS, later(20)).get();

      assertThat(retried.member("a")).isEqualTo(mixed.member("a"));
      assertThat(retried.member("c")).isEqualTo(mixed.member("c"));
      assertThat(group(retried, "a")).isEqualTo(group(mixed, "a"));
      assertThat(BatchInvariants.violations(retried)).isEmpty();
    }

    @Test
    void aFastFailedBatchRetriesItsFailedAndItsStoppedMembers() {
      BatchRun fastFailed = BatchLifecycle.completeMember(inProgress(fastFailGraph(task("a"), task("b"))), "a",
          StatusType.FAILED, later(3));

      assertThat(BatchPolicy.membersToRetry(fastFailed, RetryBuildBatchType.RETRY_FAILED_BUILDS))
          .containsExactly("a", "b");
    }

    @Test
    void withoutARetryTypeEveryMemberThatRanRunsAgain() {
      assertThat(BatchPolicy.DEFAULT_RETRY_TYPE).isEqualTo(RetryBuildBatchType.RETRY_ALL_BUILDS);
    }

    @Test
    void theRetryTypeIsReadAsCodeBuildSpellsIt() {
      assertThat(RetryBuildBatchType.fromWireValue("RETRY_FAILED_BUILDS"))
          .contains(RetryBuildBatchType.RETRY_FAILED_BUILDS);
      assertThat(RetryBuildBatchType.fromWireValue("retry_failed_builds")).isEmpty();
      assertThat(RetryBuildBatchType.fromWireValue(null)).isEmpty();
    }
  }

  private static Either<StopFailure, BatchRun> retry(BatchRun run, RetryBuildBatchType type, Instant at) {
    return BatchRetryRules.retry(run, type, NEXT_ATTEMPT, at);
  }

  private static BuildGroup group(BatchRun run, String identifier) {
    return run.group(identifier).orElseThrow();
  }
}
