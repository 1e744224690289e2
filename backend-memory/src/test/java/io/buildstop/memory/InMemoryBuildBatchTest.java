package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryBuildBatchTest {
  static final String GRAPH = """
      version: 0.2
      batch:
        build-graph:
          - identifier: first
            env:
              image: aws/codebuild/standard:6.0
              variables:
                ROLE: first
          - identifier: second
            depend-on:
              - first
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00.123Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).build();

  private static BuildId idOf(BuildBatch batch) {
    return BuildId.parse(batch.id().orElseThrow()).get();
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }

  /** A batch in IN_PROGRESS with member "first" running and "second" waiting for it. */
  private BatchRun inProgress() {
    BuildBatch started = codeBuild.startBuildBatch("batches", GRAPH).get();
    clock.advance(Duration.ofSeconds(3));
    codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
    clock.advance(Duration.ofSeconds(4));
    codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
    clock.advance(Duration.ofMillis(2_500));
    return codeBuild.buildBatchRun(idOf(started)).orElseThrow();
  }

  @Nested
  class Starting {
    @Test
    void aStartedBatchDownloadsItsBatchspecWithOneGroupPerBuildAndNoMemberStarted() {
      BuildBatch batch = codeBuild.startBuildBatch("batches", GRAPH).get();

      assertThat(batch.buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(batch.currentPhase()).contains(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC);
      assertThat(batch.arn()).contains("arn:aws:codebuild:us-east-1:123456789012:build-batch/" + batch.id().get());
      assertThat(batch.buildBatchNumber()).contains(1L);
      assertThat(batch.buildGroups()).extracting(group -> group.identifier().orElseThrow())
          .containsExactly("first", "second");
      assertThat(codeBuild.builds()).isEmpty();
      assertThat(BatchInvariants.check(codeBuild.buildBatchRun(idOf(batch)).orElseThrow()).isRight()).isTrue();
    }

    @Test
    void membersStartAsRealBuildsOfTheBatchOnceItIsInProgress() {
      BatchRun run = inProgress();
      Build first = run.member("first").orElseThrow();

      assertThat(run.batch().currentPhase()).contains(BuildBatchPhaseType.IN_PROGRESS);
      assertThat(codeBuild.build(idOf(first))).contains(first);
      assertThat(first.buildBatchArn()).isEqualTo(run.batch().arn());
      assertThat(first.arn()).contains("arn:aws:codebuild:us-east-1:123456789012:build/" + first.id().get());
      assertThat(first.environment().orElseThrow().image()).contains("aws/codebuild/standard:6.0");
      assertThat(codeBuild.batchGetBuilds(List.of(first.id().get())).get().builds()).containsExactly(first);
      assertThat(run.member("second").orElseThrow().buildStatus()).isEmpty();
      assertThat(codeBuild.builds()).containsExactly(first);
    }

    @Test
    void aBuildspecWithoutABatchSectionIsInvalidInputAndStartsNothing() {
      Either<StopFailure, BuildBatch> result = codeBuild.startBuildBatch("batches", "version: 0.2\nphases: {}\n");

      assertThat(result.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.buildBatchCount()).isZero();
    }

    @Test
    void aBatchSectionCodeBuildWouldRefuseIsItsInvalidInputAndStartsNothing() {
      Either<StopFailure, BuildBatch> result = codeBuild.startBuildBatch("batches",
          "batch:\n  build-graph:\n    - identifier: a\n      depend-on: [nobody]\n");

      assertThat(result.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(result.getLeft().message()).startsWith("BATCH_SPEC_VALIDATION_ERROR");
      assertThat(codeBuild.buildBatchCount()).isZero();
    }

    @Test
    void aMalformedProjectOrMissingBuildspecIsInvalidInput() {
      assertThat(codeBuild.startBuildBatch("no good", GRAPH).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.startBuildBatch("batches", null).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.startBuildBatch((BuildBatch) null, GRAPH).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
    }
  }

  @Nested
  class StopBuildBatch {
    @Test
    void aRunningBatchStopsWithItsRunningMembersStoppedAtTheSameInstantAndTheRestNeverStarted() {
      BatchRun before = inProgress();
      Build first = before.member("first").orElseThrow();
      Instant stopAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

      BuildBatch stopped = codeBuild.stopBuildBatch(before.batch().id().orElseThrow()).get();

      assertThat(stopped.buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(stopped.complete()).contains(true);
      assertThat(stopped.currentPhase()).contains(BuildBatchPhaseType.STOPPED);
      assertThat(stopped.endTime()).contains(stopAt);
      BatchRun after = codeBuild.buildBatchRun(idOf(stopped)).orElseThrow();
      assertThat(after.member("first")).contains(StopRules.stop(first, stopAt));
      assertThat(codeBuild.build(idOf(first))).contains(StopRules.stop(first, stopAt));
      assertThat(after.member("second").orElseThrow().buildStatus()).isEmpty();
      assertThat(codeBuild.builds()).hasSize(1);
      assertThat(BatchInvariants.check(after).isRight()).as("%s", BatchInvariants.violations(after)).isTrue();
    }

    @Test
    void aSecondStopAndAStopByArnReturnTheFirstStopsBatch() {
      BatchRun before = inProgress();
      BuildBatch first = codeBuild.stopBuildBatch(before.batch().id().orElseThrow()).get();
      clock.advance(Duration.ofSeconds(30));

      assertThat(codeBuild.stopBuildBatch(before.batch().id().orElseThrow())).isEqualTo(Either.right(first));
      assertThat(codeBuild.stopBuildBatch(before.batch().arn().orElseThrow())).isEqualTo(Either.right(first));
    }

    @Test
    void aFinishedBatchComesBackUnchangedMembersAndAll() {
      BatchRun before = inProgress();
      Build first = before.member("first").orElseThrow();
      codeBuild.complete(first.id().orElseThrow(), StatusType.FAILED).get();
      BatchRun failed = codeBuild.buildBatchRun(idOf(before.batch())).orElseThrow();
      assertThat(failed.batch().buildBatchStatus()).contains(StatusType.FAILED);

      assertThat(codeBuild.stopBuildBatch(before.batch().id().orElseThrow())).isEqualTo(Either.right(failed.batch()));
      assertThat(codeBuild.buildBatchRun(idOf(before.batch()))).contains(failed);
    }

    @Test
    void anUnknownBatchIsNotFound() {
      Either<StopFailure, BuildBatch> result = codeBuild.stopBuildBatch("batches:" + java.util.UUID.randomUUID());

      assertThat(result.getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(result.getLeft().message()).startsWith("Build batch batches:");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"no-separator", "bad name:uuid", "batches:",
        "arn:aws:codebuild:us-east-1:123456789012:build/batches:1234",
        "arn:aws:codebuild:us-east-1:123:build-batch/batches:1234"})
    void anIdThatCannotBeABatchIdIsInvalidInputAndChangesNothing(String id) {
      BatchRun before = inProgress();

      assertThat(codeBuild.stopBuildBatch(id).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.buildBatchRun(idOf(before.batch()))).contains(before);
    }
  }

  @Nested
  class StopBuildOfAMember {
    @Test
    void stoppingTheOnlyRunningMemberFailsTheBatchAndItsDependantNeverStarts() {
      BatchRun before = inProgress();
      Build first = before.member("first").orElseThrow();

      Build stopped = codeBuild.stopBuild(first.id().orElseThrow()).get();

      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      BatchRun after = codeBuild.buildBatchRun(idOf(before.batch())).orElseThrow();
      assertThat(after.member("first")).contains(stopped);
      assertThat(after.batch().buildBatchStatus()).contains(StatusType.FAILED);
      assertThat(after.member("second").orElseThrow().buildStatus()).isEmpty();
      assertThat(codeBuild.stopBuildBatch(before.batch().id().orElseThrow())).isEqualTo(Either.right(after.batch()));
    }

    @Test
    void aMemberThatCompletesLetsItsDependantStartAndTheBatchSucceedsWhenAllDid() {
      BatchRun before = inProgress();
      codeBuild.complete(before.member("first").orElseThrow().id().orElseThrow(), StatusType.SUCCEEDED).get();
      Build second = codeBuild.buildBatchRun(idOf(before.batch())).orElseThrow().member("second").orElseThrow();
      assertThat(codeBuild.build(idOf(second))).contains(second);

      codeBuild.complete(second.id().orElseThrow(), StatusType.SUCCEEDED).get();

      BatchRun after = codeBuild.buildBatchRun(idOf(before.batch())).orElseThrow();
      assertThat(after.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
      assertThat(BatchInvariants.check(after).isRight()).isTrue();
    }
  }

  @Nested
  class Reads {
    @Test
    void batchGetBuildBatchesAnswersInTheOrderAskedWithTheIdsNotFound() {
      BuildBatch one = codeBuild.startBuildBatch("batches", GRAPH).get();
      BuildBatch two = codeBuild.startBuildBatch("others", GRAPH).get();
      String unknown = "batches:" + java.util.UUID.randomUUID();

      BatchGetBuildBatchesResult result = codeBuild.batchGetBuildBatches(
          List.of(two.id().orElseThrow(), unknown, one.arn().orElseThrow(), two.id().orElseThrow())).get();

      assertThat(result.buildBatches()).containsExactly(two, one);
      assertThat(result.buildBatchesNotFound()).containsExactly(unknown);
    }

    @Test
    void batchGetBuildBatchesRefusesNoIdsTooManyAndAMalformedOne() {
      List<String> tooMany = new ArrayList<>();
      for (int i = 0; i < 101; i++) {
        tooMany.add("batches:" + i);
      }
      assertThat(codeBuild.batchGetBuildBatches(List.of()).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.batchGetBuildBatches(tooMany).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.batchGetBuildBatches(List.of("nope")).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
    }

    @Test
    void listingsPageNewestFirstAsTheBuildListingsDo() {
      List<String> started = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        started.add(0, codeBuild.startBuildBatch("listed", GRAPH).get().id().orElseThrow());
        clock.advance(Duration.ofMillis(1));
      }
      codeBuild.startBuildBatch("elsewhere", GRAPH).get();

      BuildIdPage first = codeBuild.listBuildBatchesForProject("listed", Optional.empty()).get();
      BuildIdPage second = codeBuild.listBuildBatchesForProject("listed", first.nextToken()).get();

      List<String> listed = new ArrayList<>();
      first.ids().forEach(id -> listed.add(id.value()));
      second.ids().forEach(id -> listed.add(id.value()));
      assertThat(first.ids()).hasSize(100);
      assertThat(second.nextToken()).isEmpty();
      assertThat(listed).isEqualTo(started);
      assertThat(codeBuild.listBuildBatches(Optional.empty()).get().ids()).hasSize(100);
      assertThat(codeBuild.listBuildBatches(Optional.of("not-ours")).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
    }
  }

  @Test
  void theLifecycleDriverRunsABatchToItsEnd() throws Exception {
    InMemoryCodeBuild live = InMemoryCodeBuild.create();
    BuildBatch batch = live.startBuildBatch("driven", GRAPH).get();
    try (Lifecycle lifecycle = Lifecycle.start(live, Duration.ofMillis(5), "batch-lifecycle-test")) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (live.buildBatch(idOf(batch)).orElseThrow().buildBatchStatus().equals(Optional.of(StatusType.IN_PROGRESS))
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(lifecycle.failedTicks()).isZero();
    }
    BatchRun done = live.buildBatchRun(idOf(batch)).orElseThrow();
    assertThat(done.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
    assertThat(BatchInvariants.check(done).isRight()).as("%s", BatchInvariants.violations(done)).isTrue();
  }

  @Test
  void aStartedMemberCannotBeReplacedAloneAndStaysAsItsBatchHoldsIt() {
    BatchRun run = inProgress();
    Build first = run.member("first").orElseThrow();

    Either<StopFailure, Build> put = codeBuild.put(StopRules.stop(first, clock.instant()));

    assertThat(put.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
    assertThat(codeBuild.build(idOf(first))).contains(first);
  }

  @Test
  void resetForgetsBatches() {
    inProgress();

    codeBuild.reset();

    assertThat(codeBuild.buildBatchCount()).isZero();
    assertThat(codeBuild.listBuildBatches(Optional.empty()).get().ids()).isEmpty();
  }
}
