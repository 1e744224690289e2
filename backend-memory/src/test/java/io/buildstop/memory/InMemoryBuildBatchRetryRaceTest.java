package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchDeletion;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RetryBuildBatch and DeleteBuildBatch racing each other, StopBuildBatch and members' completion: one retry wins,
 * giving each member one new attempt, and a deletion leaves exactly the members it did not delete as builds.
 */
class InMemoryBuildBatchRetryRaceTest {
  private static final String LIST = """
      batch:
        build-list:
          - identifier: a
          - identifier: b
      """;
  private final ExecutorService pool = Executors.newFixedThreadPool(5);
  private final Race race = new Race(pool);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private static BatchRun stopped(InMemoryCodeBuild codeBuild) {
    String id = codeBuild.startBuildBatch("racing", LIST).get().id().orElseThrow();
    codeBuild.advanceBuildBatch(id).get();
    codeBuild.advanceBuildBatch(id).get();
    codeBuild.stopBuildBatch(id).get();
    return codeBuild.buildBatchRun(BuildId.parse(id).get()).orElseThrow();
  }

  @Test
  void racingRetriesRetryOnceEachMemberGettingOneNewAttempt() throws Exception {
    for (int round = 0; round < 200; round++) {
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
      String id = stopped(codeBuild).batch().id().orElseThrow();
      Callable<Either<StopFailure, BuildBatch>> retry = () -> codeBuild.retryBuildBatch(id, Optional.empty());

      List<Either<StopFailure, BuildBatch>> results = race.run(List.of(retry, retry, retry, retry));

      BatchRun after = codeBuild.buildBatchRun(BuildId.parse(id).get()).orElseThrow();
      assertThat(results.stream().filter(Either::isRight).count()).as("round %d", round).isEqualTo(1);
      assertThat(results).filteredOn(Either::isLeft)
          .allSatisfy(refused -> assertThat(refused.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT));
      assertThat(after.batch().buildGroups()).allSatisfy(group ->
          assertThat(group.priorBuildSummaryList()).hasSize(1));
      assertThat(BatchInvariants.violations(after)).isEmpty();
    }
  }

  @Test
  void aDeletionRacingARetryAStopAndACompletionLeavesExactlyTheBuildsItDidNotDelete() throws Exception {
    for (int round = 0; round < 200; round++) {
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
      BatchRun before = stopped(codeBuild);
      String id = before.batch().id().orElseThrow();
      codeBuild.retryBuildBatch(id, Optional.empty()).get();
      codeBuild.advanceBuildBatch(id).get();
      BatchRun running = codeBuild.buildBatchRun(BuildId.parse(id).get()).orElseThrow();
      String a = running.member("a").orElseThrow().id().orElseThrow();

      AtomicReference<Either<StopFailure, BatchDeletion>> deleted = new AtomicReference<>();
      race.run(List.<Callable<Object>>of(
          () -> {
            deleted.set(codeBuild.deleteBuildBatch(id));
            return null;
          },
          () -> codeBuild.advanceBuildBatch(id),
          () -> codeBuild.complete(a, StatusType.FAILED),
          () -> codeBuild.stopBuildBatch(id),
          () -> codeBuild.retryBuildBatch(id, Optional.empty())));

      BatchDeletion deletion = deleted.get().get();
      assertThat(codeBuild.buildBatchCount()).isZero();
      Set<String> held = codeBuild.builds().stream().map(build -> build.arn().orElseThrow())
          .collect(Collectors.toSet());
      Set<String> notDeleted = deletion.buildsNotDeleted().stream().map(BatchDeletion.BuildNotDeleted::id)
          .collect(Collectors.toSet());
      assertThat(held).as("round %d", round).isEqualTo(notDeleted);
      Set<String> ranBefore = new HashSet<>();
      for (BuildGroup group : before.batch().buildGroups()) {
        group.currentBuildSummary().flatMap(summary -> summary.arn()).ifPresent(ranBefore::add);
      }
      assertThat(deletion.buildsDeleted()).containsAll(ranBefore);
      // a member left behind is a build of its own: StopBuild stops it without a batch
      for (Build build : codeBuild.builds()) {
        assertThat(codeBuild.stopBuild(build.id().orElseThrow()).get().buildComplete()).contains(true);
      }
    }
  }
}
