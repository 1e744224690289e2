package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.workflows.contract.BatchWorkflowFixture;
import io.buildstop.workflows.contract.BatchesSettlingLater;
import io.buildstop.workflows.contract.FakeTime;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Stop-and-wait for a batch build on fake time: the builds' backoff and deadline (what it does to a backend's batches
 * is {@code BatchWorkflowContract}'s).
 */
class StopBatchAndWaitTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();

  /** A batch of {@code project} in IN_PROGRESS: {@code build} running, {@code test} not started. */
  static BuildBatch runningBatch(InMemoryCodeBuild codeBuild, String project) {
    String id = codeBuild.startBuildBatch(project, BatchWorkflowFixture.GRAPH).get().id().orElseThrow();
    return codeBuild.advanceBuildBatch(id).get();
  }

  private StopAndWait<BuildBatch> over(BatchesSettlingLater backend, Duration timeout) {
    return StopAndWait.withBatches(backend, backend).clock(time).sleeper(time)
        .backoff(new Backoff(ms(100), ms(800), 2, 0)).timeout(timeout).random(new SplittableRandom(7));
  }

  @Test
  void aStopThatSettlesLaterIsPolledWithTheBackoffUntilTheBatchIsComplete() {
    BuildBatch running = runningBatch(codeBuild, "wait-project");
    BatchesSettlingLater backend = new BatchesSettlingLater(codeBuild, codeBuild, 4);

    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result =
        over(backend, Duration.ofMinutes(1)).run(running.id().orElseThrow());

    assertThat(result.get().buildBatchStatus()).contains(StatusType.STOPPED);
    assertThat(time.sleeps()).containsExactly(ms(100), ms(200), ms(400), ms(800), ms(800));
    assertThat(backend.reads()).isEqualTo(5);
  }

  @Test
  void aBatchStillRunningAtTheDeadlineIsTheLastBatchSeen() {
    BuildBatch running = runningBatch(codeBuild, "wait-project");
    BatchesSettlingLater backend = new BatchesSettlingLater(codeBuild, codeBuild, Integer.MAX_VALUE);
    Instant start = time.instant();

    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result =
        over(backend, Duration.ofSeconds(2)).run(running.id().orElseThrow());

    assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.STILL_RUNNING_AT_DEADLINE);
    assertThat(((StopAndWaitFailure.StillRunningAtDeadline<BuildBatch>) result.getLeft()).lastSeen())
        .isEqualTo(running);
    assertThat(time.instant()).isEqualTo(start.plusSeconds(2));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
