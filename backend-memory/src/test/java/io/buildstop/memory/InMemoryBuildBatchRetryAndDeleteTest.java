package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchDeletion;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.RetryBuildBatchType;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RetryBuildBatch and DeleteBuildBatch through the in-memory CodeBuild (docs/batch-rules.md §5a, §5b). */
class InMemoryBuildBatchRetryAndDeleteTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00.123Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).build();

  private static BuildId idOf(BuildBatch batch) {
    return BuildId.parse(batch.id().orElseThrow()).get();
  }

  private static String idOf(Build build) {
    return build.id().orElseThrow();
  }

  /** The graph batch (first, then second) in IN_PROGRESS, "first" running. */
  private BatchRun inProgress() {
    BuildBatch started = codeBuild.startBuildBatch("batches", InMemoryBuildBatchTest.GRAPH).get();
    clock.advance(Duration.ofSeconds(3));
    codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
    clock.advance(Duration.ofSeconds(4));
    codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
    clock.advance(Duration.ofMillis(2_500));
    return run(started);
  }

  /** The graph batch failed: "first" FAILED, "second" never ran. */
  private BatchRun failed() {
    BatchRun running = inProgress();
    codeBuild.complete(idOf(running.member("first").orElseThrow()), StatusType.FAILED).get();
    clock.advance(Duration.ofSeconds(1));
    return run(running.batch());
  }

  private BatchRun run(BuildBatch batch) {
    return codeBuild.buildBatchRun(idOf(batch)).orElseThrow();
  }

  @Nested
  class RetryBuildBatch {
    @Test
    void aFailedBatchRunsAgainInPlaceWithANewBuildForItsFailedMember() {
      BatchRun failed = failed();
      Build firstAttempt = failed.member("first").orElseThrow();

      BuildBatch retried = codeBuild.retryBuildBatch(failed.batch().arn().orElseThrow(), Optional.empty()).get();

      assertThat(retried.id()).isEqualTo(failed.batch().id());
      assertThat(retried.buildBatchNumber()).isEqualTo(failed.batch().buildBatchNumber());
      assertThat(retried.buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(retried.currentPhase()).contains(BuildBatchPhaseType.SUBMITTED);
      BatchRun after = run(retried);
      Build next = after.member("first").orElseThrow();
      assertThat(next.id()).isNotEqualTo(firstAttempt.id());
      assertThat(next.buildNumber().orElseThrow()).isGreaterThan(firstAttempt.buildNumber().orElseThrow());
      assertThat(after.group("first").orElseThrow().priorBuildSummaryList())
          .extracting(summary -> summary.arn().orElseThrow()).containsExactly(firstAttempt.arn().orElseThrow());
      // the first attempt stays a build, finished, no longer the batch's to change
      assertThat(codeBuild.build(BuildId.parse(idOf(firstAttempt)).get())).contains(firstAttempt);
      assertThat(codeBuild.complete(idOf(firstAttempt), StatusType.SUCCEEDED)).isEqualTo(Either.right(firstAttempt));
      assertThat(run(retried)).isEqualTo(after);
      assertThat(BatchInvariants.violations(after)).isEmpty();
    }

    @Test
    void theNewAttemptRunsToItsEndByTheLifecycle() {
      BatchRun failed = failed();
      String id = failed.batch().id().orElseThrow();
      codeBuild.retryBuildBatch(id, Optional.of(RetryBuildBatchType.RETRY_FAILED_BUILDS)).get();
      clock.advance(Duration.ofSeconds(1));
      codeBuild.advanceBuildBatch(id).get();
      clock.advance(Duration.ofSeconds(1));
      codeBuild.advanceBuildBatch(id).get();
      clock.advance(Duration.ofSeconds(1));

      codeBuild.complete(idOf(run(failed.batch()).member("first").orElseThrow()), StatusType.SUCCEEDED).get();
      codeBuild.complete(idOf(run(failed.batch()).member("second").orElseThrow()), StatusType.SUCCEEDED).get();

      BatchRun done = run(failed.batch());
      assertThat(done.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
      assertThat(BatchInvariants.violations(done)).isEmpty();
      assertThat(codeBuild.builds()).hasSize(3);
    }

    @Test
    void aRunningBatchIsRefusedAndNothingChanges() {
      BatchRun running = inProgress();
      int builds = codeBuild.buildCount();

      Either<StopFailure, BuildBatch> refused =
          codeBuild.retryBuildBatch(running.batch().id().orElseThrow(), Optional.empty());

      assertThat(refused.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(refused.getLeft().message()).startsWith("Only batch builds that have failed can be retried");
      assertThat(run(running.batch())).isEqualTo(running);
      assertThat(codeBuild.buildCount()).isEqualTo(builds);
    }

    @Test
    void anUnknownBatchIsNotFoundAndAMalformedIdInvalid() {
      assertThat(codeBuild.retryBuildBatch("batches:nope", Optional.empty()).getLeft())
          .isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(codeBuild.retryBuildBatch("no colon", Optional.empty()).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
    }

    @Test
    void aRepeatedIdempotencyTokenRetriesOnceAndOtherParametersAreAMismatch() {
      BatchRun failed = failed();
      String id = failed.batch().id().orElseThrow();

      BuildBatch first = codeBuild.retryBuildBatch(id, Optional.empty(), "token-1", id).get();
      Either<StopFailure, BuildBatch> repeat = codeBuild.retryBuildBatch(id, Optional.empty(), "token-1", id);
      Either<StopFailure, BuildBatch> mismatch =
          codeBuild.retryBuildBatch(id, Optional.empty(), "token-1", id + " RETRY_FAILED_BUILDS");

      assertThat(repeat).isEqualTo(Either.right(first));
      assertThat(run(first).group("first").orElseThrow().priorBuildSummaryList()).hasSize(1);
      assertThat(mismatch.getLeft()).isInstanceOf(StopFailure.ParameterMismatch.class);
    }
  }

  @Nested
  class StartBuildBatchWithAToken {
    @Test
    void aRepeatedTokenStartsOneBatchAndOtherParametersAreAMismatch() {
      BuildBatch configuration = BuildBatch.builder().projectName("batches").build();

      BuildBatch first = codeBuild.startBuildBatch(configuration, InMemoryBuildBatchTest.GRAPH, "t", "p").get();
      clock.advance(Duration.ofSeconds(1));
      codeBuild.advanceBuildBatch(first.id().orElseThrow()).get();
      Either<StopFailure, BuildBatch> repeat =
          codeBuild.startBuildBatch(configuration, InMemoryBuildBatchTest.GRAPH, "t", "p");
      Either<StopFailure, BuildBatch> mismatch =
          codeBuild.startBuildBatch(configuration, InMemoryBuildBatchTest.GRAPH, "t", "other");
      clock.advance(InMemoryCodeBuild.IDEMPOTENCY_WINDOW);
      BuildBatch afterTheWindow = codeBuild.startBuildBatch(configuration, InMemoryBuildBatchTest.GRAPH, "t", "p").get();

      assertThat(repeat).isEqualTo(Either.right(codeBuild.buildBatch(idOf(first)).orElseThrow()));
      assertThat(mismatch.getLeft()).isInstanceOf(StopFailure.ParameterMismatch.class);
      assertThat(afterTheWindow.id()).isNotEqualTo(first.id());
      assertThat(codeBuild.buildBatchCount()).isEqualTo(2);
    }
  }

  @Nested
  class DeleteBuildBatch {
    @Test
    void aFinishedBatchIsDeletedWithItsBuildsAndIsThenNotFoundAnywhere() {
      BatchRun failed = failed();
      String id = failed.batch().id().orElseThrow();
      Build first = failed.member("first").orElseThrow();

      BatchDeletion deletion = codeBuild.deleteBuildBatch(id).get();

      assertThat(deletion).isEqualTo(new BatchDeletion("BATCH_DELETED", List.of(first.arn().orElseThrow()), List.of()));
      assertThat(codeBuild.buildBatchCount()).isZero();
      assertThat(codeBuild.batchGetBuildBatches(List.of(id)).get().buildBatchesNotFound()).containsExactly(id);
      assertThat(codeBuild.batchGetBuilds(List.of(idOf(first))).get().buildsNotFound()).containsExactly(idOf(first));
      assertThat(codeBuild.listBuildBatches(Optional.empty()).get().ids()).isEmpty();
      assertThat(codeBuild.listBuilds(SortOrderType.DESCENDING, Optional.empty()).get().ids()).isEmpty();
      assertThat(codeBuild.stopBuildBatch(id).getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(codeBuild.retryBuildBatch(id, Optional.empty()).getLeft())
          .isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(codeBuild.deleteBuildBatch(id).getLeft().message()).isEqualTo("Build batch " + id + " not found");
    }

    @Test
    void aRunningMemberIsNotDeletedAndGoesOnAsABuildOfItsOwn() {
      BatchRun running = inProgress();
      Build first = running.member("first").orElseThrow();

      BatchDeletion deletion = codeBuild.deleteBuildBatch(running.batch().id().orElseThrow()).get();

      assertThat(deletion.buildsDeleted()).isEmpty();
      assertThat(deletion.buildsNotDeleted())
          .containsExactly(new BatchDeletion.BuildNotDeleted(first.arn().orElseThrow(), "BUILD_IN_PROGRESS"));
      assertThat(codeBuild.buildBatchCount()).isZero();
      Build stopped = codeBuild.stopBuild(idOf(first)).get();
      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(codeBuild.build(BuildId.parse(idOf(first)).get())).contains(stopped);
    }

    @Test
    void theBuildsOfPriorAttemptsAreDeletedToo() {
      BatchRun failed = failed();
      String id = failed.batch().id().orElseThrow();
      codeBuild.retryBuildBatch(id, Optional.empty()).get();
      codeBuild.stopBuildBatch(id).get();

      BatchDeletion deletion = codeBuild.deleteBuildBatch(id).get();

      assertThat(deletion.buildsDeleted()).containsExactly(failed.member("first").orElseThrow().arn().orElseThrow());
      assertThat(codeBuild.builds()).isEmpty();
    }

    @Test
    void aMalformedIdIsInvalidInputAndDeletesNothing() {
      BatchRun failed = failed();

      assertThat(codeBuild.deleteBuildBatch("no colon").getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.buildBatchCount()).isEqualTo(1);
      assertThat(run(failed.batch())).isEqualTo(failed);
    }
  }
}
