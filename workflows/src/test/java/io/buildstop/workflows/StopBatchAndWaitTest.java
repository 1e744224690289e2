package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.workflows.contract.FakeTime;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stop-and-wait for a batch build: StopBuildBatch, then BatchGetBuildBatches with the builds' backoff and deadline. */
class StopBatchAndWaitTest {
  /** The batch section the tests run: {@code test} depends on {@code build}. */
  static final String GRAPH = """
      version: 0.2
      batch:
        build-graph:
          - identifier: build
          - identifier: test
            depend-on:
              - build
      """;

  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();

  /** A batch of {@code project} in IN_PROGRESS: {@code build} running, {@code test} not started. */
  static BuildBatch runningBatch(InMemoryCodeBuild codeBuild, String project) {
    String id = codeBuild.startBuildBatch(project, GRAPH).get().id().orElseThrow();
    return codeBuild.advanceBuildBatch(id).get();
  }

  private StopAndWait<BuildBatch> over(BatchesSettlingLater backend, Duration timeout) {
    return StopAndWait.withBatches(backend, backend).clock(time).sleeper(time)
        .backoff(new Backoff(ms(100), ms(800), 2, 0)).timeout(timeout).random(new SplittableRandom(7));
  }

  @Test
  void aRunningBatchIsStoppedWithItsRunningMemberAndComesBackComplete() {
    BuildBatch running = runningBatch(codeBuild, "wait-project");

    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result = StopAndWait.withBatches(codeBuild, codeBuild)
        .clock(time).sleeper(time).run(running.id().orElseThrow());

    assertThat(result.get().buildBatchStatus()).contains(StatusType.STOPPED);
    assertThat(result.get().complete()).contains(true);
    assertThat(codeBuild.runningBuilds()).isEmpty();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aStopThatSettlesLaterIsPolledWithTheBackoffUntilTheBatchIsComplete() {
    BuildBatch running = runningBatch(codeBuild, "wait-project");
    BatchesSettlingLater backend = new BatchesSettlingLater(codeBuild, 4);

    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result =
        over(backend, Duration.ofMinutes(1)).run(running.id().orElseThrow());

    assertThat(result.get().buildBatchStatus()).contains(StatusType.STOPPED);
    assertThat(time.sleeps()).containsExactly(ms(100), ms(200), ms(400), ms(800), ms(800));
    assertThat(backend.reads()).isEqualTo(5);
  }

  @Test
  void aBatchStillRunningAtTheDeadlineIsTheLastBatchSeen() {
    BuildBatch running = runningBatch(codeBuild, "wait-project");
    BatchesSettlingLater backend = new BatchesSettlingLater(codeBuild, Integer.MAX_VALUE);
    Instant start = time.instant();

    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result =
        over(backend, Duration.ofSeconds(2)).run(running.id().orElseThrow());

    assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.STILL_RUNNING_AT_DEADLINE);
    assertThat(((StopAndWaitFailure.StillRunningAtDeadline<BuildBatch>) result.getLeft()).lastSeen())
        .isEqualTo(running);
    assertThat(time.instant()).isEqualTo(start.plusSeconds(2));
  }

  @Test
  void aFinishedBatchComesBackUnchanged() {
    BuildBatch running = runningBatch(codeBuild, "wait-project");
    BuildBatch stopped = codeBuild.stopBuildBatch(running.id().orElseThrow()).get();

    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> again = StopAndWait.withBatches(codeBuild, codeBuild)
        .clock(time).sleeper(time).run(running.arn().orElseThrow());

    assertThat(again.get()).isEqualTo(stopped);
  }

  @Test
  void anUnknownBatchIsNotFoundInCodeBuildsWords() {
    String unknown = "wait-project:00000000-0000-0000-0000-000000000000";

    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result =
        StopAndWait.withBatches(codeBuild, codeBuild).clock(time).sleeper(time).run(unknown);

    StopFailure failure = ((StopAndWaitFailure.Failed<BuildBatch>) result.getLeft()).failure();
    assertThat(failure.code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
    assertThat(failure.message()).isEqualTo("Build batch " + unknown + " not found");
  }

  @Test
  void aMalformedIdOrABuildArnIsInvalidInputAndNothingIsStopped() {
    BuildBatch running = runningBatch(codeBuild, "wait-project");
    String asBuildArn = "arn:aws:codebuild:us-east-1:123456789012:build/" + running.id().orElseThrow();

    for (String id : new String[] {"no colon", asBuildArn}) {
      Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result =
          StopAndWait.withBatches(codeBuild, codeBuild).clock(time).sleeper(time).run(id);

      assertThat(((StopAndWaitFailure.Failed<BuildBatch>) result.getLeft()).failure().code()).as(id)
          .isEqualTo(StopFailure.Code.INVALID_INPUT);
    }
    BuildId id = BuildBatchIds.parse(running.id().orElseThrow()).get();
    assertThat(codeBuild.buildBatch(id).orElseThrow()).isEqualTo(running);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
