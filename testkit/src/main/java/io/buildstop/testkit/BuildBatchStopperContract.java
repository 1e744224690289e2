package io.buildstop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of StopBuildBatch, {@link io.buildstop.api.BuildBatchStopper}: the batch rules (docs/batch-rules.md)
 * end to end through the ports, each stop read back through {@link io.buildstop.api.BuildBatchReader} and the
 * build ports. The batch reads have their own contract, {@link BuildBatchReaderContract}. Subclass it with a {@link
 * BuildBatchFixture}, as {@link BuildStopperContract}:
 *
 * <pre>{@code
 * class MyBackendBatchContractTest extends BuildBatchStopperContract {
 *   @Override
 *   protected BuildBatchFixture fixture() {
 *     return new MyBackendFixture();
 *   }
 * }
 * }</pre>
 */
public abstract class BuildBatchStopperContract {

  /** The backend under test, with its seeding hooks. */
  protected abstract BuildBatchFixture fixture();

  private BuildBatchFixture fixture;

  /** The fixture of the running test, made on first use. */
  protected final BuildBatchFixture theFixture() {
    if (fixture == null) {
      fixture = fixture();
    }
    return fixture;
  }

  private Either<StopFailure, BuildBatch> stop(String id) {
    return theFixture().batchStopper().stopBuildBatch(id);
  }

  private Optional<BuildBatch> stored(BuildBatch batch) {
    return theFixture().batchReader().batchGetBuildBatches(List.of(batch.id().orElseThrow())).get()
        .buildBatches().stream().findFirst();
  }

  private static Optional<BuildGroup> group(BuildBatch batch, String identifier) {
    return batch.buildGroups().stream().filter(group -> group.identifier().equals(Optional.of(identifier)))
        .findFirst();
  }

  // a started member, as the build ports read it: through its group's summary, which names its ARN
  private Build member(BuildBatch batch, String identifier) {
    String arn = group(batch, identifier).flatMap(BuildGroup::currentBuildSummary).flatMap(BuildSummary::arn)
        .orElseThrow(() -> new AssertionError("member " + identifier + " has not started in " + batch));
    return theFixture().reader().batchGetBuilds(List.of(arn)).get().builds().get(0);
  }

  @Nested
  @DisplayName("a running batch stops, its running members by the build stop rules, the others never start")
  class RunningBatch {
    @Test
    void aRunningBatchStopsWithItsRunningMembersStoppedAndItsUnstartedOnesNeverRun() {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      Build first = member(running, "first");
      BuildAssert.assertThat(first).isRunning();
      assertThat(group(running, "second").flatMap(BuildGroup::currentBuildSummary)).isEmpty();

      Either<StopFailure, BuildBatch> stopped = stop(running.id().orElseThrow());

      assertThat(stopped.isRight()).as("stopping a running batch: %s", stopped).isTrue();
      BuildBatch batch = stopped.get();
      assertThat(batch.buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(batch.complete()).contains(true);
      assertThat(batch.currentPhase()).contains(BuildBatchPhaseType.STOPPED);
      assertThat(batch.id()).isEqualTo(running.id());
      assertThat(batch.arn()).isEqualTo(running.arn());
      Build firstAfter = member(batch, "first");
      BuildAssert.assertThat(firstAfter).isStopped().isTheStopOf(first).satisfiesTheInvariants();
      assertThat(firstAfter.endTime()).isEqualTo(batch.endTime());
      assertThat(group(batch, "first").flatMap(BuildGroup::currentBuildSummary).flatMap(BuildSummary::buildStatus))
          .contains(StatusType.STOPPED);
      assertThat(group(batch, "second").flatMap(BuildGroup::currentBuildSummary)).isEmpty();
      assertThat(stored(running)).contains(batch);
    }

    @Test
    void stoppingAgainOrByArnGivesTheFirstStopsBatch() {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      Either<StopFailure, BuildBatch> first = stop(running.id().orElseThrow());

      Either<StopFailure, BuildBatch> second = stop(running.id().orElseThrow());
      Either<StopFailure, BuildBatch> byArn = stop(running.arn().orElseThrow());

      assertThat(first.isRight()).isTrue();
      assertThat(second).isEqualTo(first);
      assertThat(byArn).isEqualTo(first);
      assertThat(stored(running)).contains(first.get());
    }

    @Test
    void everyConcurrentCallerGetsTheSameStoppedBatch() throws Exception {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      int callers = 8;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<Either<StopFailure, BuildBatch>>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          results.add(pool.submit(() -> {
            start.await();
            return stop(running.id().orElseThrow());
          }));
        }
        start.countDown();
        List<Either<StopFailure, BuildBatch>> seen = new ArrayList<>();
        for (Future<Either<StopFailure, BuildBatch>> result : results) {
          seen.add(result.get(30, TimeUnit.SECONDS));
        }

        assertThat(seen).allSatisfy(result -> assertThat(result).isEqualTo(seen.get(0)));
        assertThat(seen.get(0).get().buildBatchStatus()).contains(StatusType.STOPPED);
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void aMemberStoppedByStopBuildKeepsThatOneTerminalTransition() {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      Build stoppedAlone = theFixture().stopper().stopBuild(member(running, "first").id().orElseThrow()).get();
      BuildAssert.assertThat(stoppedAlone).isStopped();

      Either<StopFailure, BuildBatch> batch = stop(running.id().orElseThrow());

      assertThat(batch.isRight()).as("%s", batch).isTrue();
      assertThat(batch.get().complete()).contains(true);
      assertThat(member(batch.get(), "first")).isEqualTo(stoppedAlone);
      assertThat(group(batch.get(), "second").flatMap(BuildGroup::currentBuildSummary)).isEmpty();
    }
  }

  @Nested
  @DisplayName("a finished batch comes back unchanged, with its final status")
  class FinishedBatch {
    @ParameterizedTest(name = "finished as {0}")
    @EnumSource(value = StatusType.class, names = {"SUCCEEDED", "FAILED", "STOPPED"})
    void aFinishedBatchKeepsItsFinalStatus(StatusType finalStatus) {
      BuildBatch finished = theFixture().finishedBatch(BuildStopperContract.freshProject(), finalStatus);
      assertThat(finished.buildBatchStatus()).contains(finalStatus);

      Either<StopFailure, BuildBatch> result = stop(finished.id().orElseThrow());

      assertThat(result).isEqualTo(Either.right(finished));
      assertThat(stored(finished)).contains(finished);
    }
  }

  @Nested
  @DisplayName("an unknown batch is not found; an id that cannot be a batch id is invalid input")
  class Failures {
    @Test
    void anUnknownBatchIsNotFound() {
      Either<StopFailure, BuildBatch> result = stop(theFixture().unknownBatchId());

      assertThat(result.isLeft()).isTrue();
      assertThat(result.getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
    }

    @ParameterizedTest(name = "id [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"no-separator", "not a project:uuid", "project:",
        "arn:aws:codebuild:us-east-1:123456789012:build/project:uuid"})
    void anIdThatCannotBeABatchIdIsInvalidInputAndChangesNothing(String id) {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());

      Either<StopFailure, BuildBatch> result = stop(id);

      assertThat(result.isLeft()).isTrue();
      assertThat(result.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(stored(running)).contains(running);
    }
  }
}
