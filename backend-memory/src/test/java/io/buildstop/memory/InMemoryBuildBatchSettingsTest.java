package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The in-memory CodeBuild's settings as they apply to batches: stop latency for StopBuildBatch, failures armed with
 * failNextCalls, the StopBuildBatch call history, and the bound on the batches held.
 */
class InMemoryBuildBatchSettingsTest {
  private static final Instant START = Instant.parse("2026-12-03T10:00:00.123Z");
  private final MutableClock clock = new MutableClock(START);

  private BatchRun inProgress(InMemoryCodeBuild codeBuild) {
    BuildBatch started = codeBuild.startBuildBatch("batches", InMemoryBuildBatchTest.GRAPH).get();
    clock.advance(Duration.ofSeconds(3));
    codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
    clock.advance(Duration.ofSeconds(4));
    codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
    clock.advance(Duration.ofMillis(2_500));
    return codeBuild.buildBatchRun(BuildId.parse(started.id().orElseThrow()).get()).orElseThrow();
  }

  @Nested
  class StopLatency {
    private final InMemoryCodeBuild codeBuild =
        InMemoryCodeBuild.builder().clock(clock).stopLatency(Duration.ofSeconds(5)).build();

    @Test
    void aStoppedBatchReadsAsRunningUntilTheLatencyHasPassedThenAsStoppedAtTheCall() {
      BatchRun running = inProgress(codeBuild);
      String id = running.batch().id().orElseThrow();
      Instant calledAt = clock.instant();
      Build first = running.member("first").orElseThrow();

      BuildBatch answer = codeBuild.stopBuildBatch(id).get();
      clock.advance(Duration.ofSeconds(4));
      BuildBatch before = codeBuild.buildBatch(BuildId.parse(id).get()).orElseThrow();
      Build memberBefore = codeBuild.build(BuildId.parse(first.id().orElseThrow()).get()).orElseThrow();
      clock.advance(Duration.ofSeconds(1));
      BatchRun after = codeBuild.buildBatchRun(BuildId.parse(id).get()).orElseThrow();

      assertThat(answer).isEqualTo(running.batch());
      assertThat(before).isEqualTo(running.batch());
      assertThat(memberBefore).isEqualTo(first);
      assertThat(after).isEqualTo(BatchStopRules.stop(running, calledAt));
      assertThat(codeBuild.build(BuildId.parse(first.id().orElseThrow()).get()))
          .contains(after.member("first").orElseThrow());
    }

    @Test
    void aMemberThatFinishesBeforeThePendingStopSettlesFindsTheBatchStoppedFirst() {
      BatchRun running = inProgress(codeBuild);
      String id = running.batch().id().orElseThrow();
      Instant calledAt = clock.instant();
      codeBuild.stopBuildBatch(id).get();
      clock.advance(Duration.ofSeconds(1));

      Either<StopFailure, Build> completed =
          codeBuild.complete(running.member("first").orElseThrow().id().orElseThrow(), StatusType.SUCCEEDED);

      assertThat(completed.get().buildStatus()).contains(StatusType.STOPPED);
      assertThat(codeBuild.buildBatchRun(BuildId.parse(id).get())).contains(BatchStopRules.stop(running, calledAt));
    }
  }

  @Nested
  class FailuresAndHistory {
    private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).build();

    @Test
    void armedFailuresAreTakenByBatchCallsAndBuildCallsFromOneCount() {
      BatchRun running = inProgress(codeBuild);
      String id = running.batch().id().orElseThrow();
      StopFailure failure = StopFailure.throttled();
      codeBuild.failNextCalls(3, failure);

      assertThat(codeBuild.stopBuildBatch(id)).isEqualTo(Either.left(failure));
      assertThat(codeBuild.retryBuildBatch(id, Optional.empty())).isEqualTo(Either.left(failure));
      assertThat(codeBuild.stopBuild(running.member("first").orElseThrow().id().orElseThrow()))
          .isEqualTo(Either.left(failure));
      assertThat(codeBuild.buildBatchRun(BuildId.parse(id).get())).contains(running);
      assertThat(codeBuild.deleteBuildBatch(id).isRight()).isTrue();
    }

    @Test
    void anIdThatCannotBeABatchIdIsRefusedBeforeAnArmedFailure() {
      codeBuild.failNextCalls(1, StopFailure.throttled());

      assertThat(codeBuild.stopBuildBatch("no colon").getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.stopBuildBatch("batches:unknown").getLeft()).isEqualTo(StopFailure.throttled());
    }

    @Test
    void stopBuildBatchCallsAreRecordedWithWhatTheyAnswered() {
      BatchRun running = inProgress(codeBuild);
      String arn = running.batch().arn().orElseThrow();
      Instant at = clock.instant();

      Either<StopFailure, BuildBatch> answer = codeBuild.stopBuildBatch(arn);
      codeBuild.stopBuildBatch(null);

      assertThat(codeBuild.stopBuildBatchCalls()).hasSize(2);
      assertThat(codeBuild.stopBuildBatchCalls().get(0)).isEqualTo(new StopBuildBatchCall(arn, at, answer));
      assertThat(codeBuild.stopBuildBatchCalls().get(1).requestedId()).isEqualTo("null");
      assertThat(codeBuild.stopCalls()).isEmpty();
      codeBuild.reset();
      assertThat(codeBuild.stopBuildBatchCalls()).isEmpty();
    }
  }

  @Nested
  class Bound {
    private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).maxBuildBatches(2).build();

    @Test
    void aNewBatchBeyondTheBoundEvictsTheOldestFinishedOne() {
      BatchRun oldest = inProgress(codeBuild);
      codeBuild.stopBuildBatch(oldest.batch().id().orElseThrow()).get();
      BatchRun second = inProgress(codeBuild);

      BuildBatch third = codeBuild.startBuildBatch("batches", InMemoryBuildBatchTest.GRAPH).get();

      assertThat(codeBuild.buildBatchCount()).isEqualTo(2);
      assertThat(codeBuild.evictedBuildBatches()).isEqualTo(1);
      assertThat(codeBuild.buildBatch(BuildId.parse(oldest.batch().id().orElseThrow()).get())).isEmpty();
      assertThat(codeBuild.buildBatch(BuildId.parse(second.batch().id().orElseThrow()).get())).isPresent();
      assertThat(codeBuild.buildBatch(BuildId.parse(third.id().orElseThrow()).get())).isPresent();
      // its members stay builds, bounded by maxBuilds
      assertThat(codeBuild.build(BuildId.parse(oldest.member("first").orElseThrow().id().orElseThrow()).get()))
          .isPresent();
    }

    @Test
    void whenEveryBatchHeldRunsANewOneIsLimitExceededAndNothingIsHeld() {
      inProgress(codeBuild);
      inProgress(codeBuild);

      Either<StopFailure, BuildBatch> refused = codeBuild.startBuildBatch("batches", InMemoryBuildBatchTest.GRAPH);

      assertThat(refused.getLeft()).isInstanceOf(StopFailure.LimitExceeded.class);
      assertThat(codeBuild.buildBatchCount()).isEqualTo(2);
      assertThat(codeBuild.maxBuildBatches()).isEqualTo(2);
    }

    @Test
    void theBoundIsAtLeastOneAndTenThousandByDefault() {
      assertThatThrownBy(() -> InMemoryCodeBuild.builder().maxBuildBatches(0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(InMemoryCodeBuild.create().maxBuildBatches()).isEqualTo(10_000);
    }
  }
}
