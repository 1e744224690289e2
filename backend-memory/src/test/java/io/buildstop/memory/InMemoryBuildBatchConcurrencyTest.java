package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * StopBuildBatch racing StopBuild of members, their natural completion and another StopBuildBatch: one terminal
 * transition for the batch and for each member, every caller seeing the state that won, and the build store holding
 * each started member exactly as its batch does.
 */
class InMemoryBuildBatchConcurrencyTest {
  private static final String LIST = """
      batch:
        build-list:
          - identifier: a
          - identifier: b
          - identifier: c
      """;
  private static final String GRAPH = """
      batch:
        build-graph:
          - identifier: a
          - identifier: b
          - identifier: c
          - identifier: later
            depend-on: [a]
      """;
  private final ExecutorService pool = Executors.newFixedThreadPool(5);
  private final Race race = new Race(pool);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private static BatchRun inProgress(InMemoryCodeBuild codeBuild, String buildspec) {
    String id = codeBuild.startBuildBatch("racing", buildspec).get().id().orElseThrow();
    codeBuild.advanceBuildBatch(id).get();
    codeBuild.advanceBuildBatch(id).get();
    return codeBuild.buildBatchRun(BuildId.parse(id).get()).orElseThrow();
  }

  @Test
  void stopBuildBatchStopOfAMemberAndCompletionRacingMakeOneTerminalTransitionEach() throws Exception {
    for (int round = 0; round < 300; round++) {
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
      BatchRun before = inProgress(codeBuild, round % 2 == 0 ? LIST : GRAPH);
      String batchId = before.batch().id().orElseThrow();
      String a = before.member("a").orElseThrow().id().orElseThrow();
      String b = before.member("b").orElseThrow().id().orElseThrow();
      String c = before.member("c").orElseThrow().id().orElseThrow();

      List<Callable<Object>> racers = List.of(
          () -> codeBuild.stopBuildBatch(batchId),
          () -> codeBuild.stopBuild(a),
          () -> codeBuild.complete(b, StatusType.SUCCEEDED),
          () -> codeBuild.stopBuildBatch(batchId),
          () -> codeBuild.complete(c, StatusType.FAILED));
      List<Object> results = round % 3 == 0 ? race.inLockstep(racers.subList(0, 2)) : race.run(racers);

      BatchRun after = codeBuild.buildBatchRun(BuildId.parse(batchId).get()).orElseThrow();
      assertThat(BatchInvariants.check(after).isRight())
          .as("round %d: %s", round, BatchInvariants.violations(after)).isTrue();
      assertThat(after.batch().complete()).contains(true);
      // every StopBuildBatch caller saw the batch's one terminal state
      assertThat(results.get(0)).isEqualTo(Either.right(after.batch()));
      if (results.size() > 3) {
        assertThat(results.get(3)).isEqualTo(Either.right(after.batch()));
        assertThat(results.get(2)).isEqualTo(Either.right(after.member("b").orElseThrow()));
        assertThat(results.get(4)).isEqualTo(Either.right(after.member("c").orElseThrow()));
      }
      // StopBuild of the member saw its one terminal state, whoever stopped it
      assertThat(results.get(1)).isEqualTo(Either.right(after.member("a").orElseThrow()));
      for (Build member : after.members().values()) {
        if (member.buildStatus().isPresent()) {
          assertThat(codeBuild.build(BuildId.parse(member.id().orElseThrow()).get())).contains(member);
          assertThat(member.buildComplete()).contains(true);
        }
      }
    }
  }

  @Test
  void aStopBuildRacingTheStartOfItsMemberStopsItThroughItsBatch() throws Exception {
    // a StopBuild that met the member as a build before it was known as a member stopped the build alone, while its
    // batch held it running: two terminal states apart (this test found it within 30 rounds before the fix)
    String fanout = "batch:\n  build-fanout:\n    parallelism: 20\n";
    for (int round = 0; round < 120; round++) {
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
      String batchId = codeBuild.startBuildBatch("racing", fanout).get().id().orElseThrow();
      BuildId batch = BuildId.parse(batchId).get();
      List<Build> waiting = List.copyOf(codeBuild.buildBatchRun(batch).orElseThrow().members().values());
      String last = waiting.get(waiting.size() - 1).id().orElseThrow();
      AtomicBoolean advanced = new AtomicBoolean();
      List<Callable<Object>> racers = List.of(
          () -> {
            codeBuild.advanceBuildBatch(batchId);
            advanced.set(true);
            return null;
          },
          () -> {
            // StopBuild of the last member again and again, so that one call meets it the moment its batch starts it
            Either<StopFailure, Build> stopped = codeBuild.stopBuild(last);
            while (stopped.isLeft() && !advanced.get()) {
              stopped = codeBuild.stopBuild(last);
            }
            return codeBuild.stopBuild(last);
          });

      List<Object> results = race.inLockstep(racers);

      BatchRun after = codeBuild.buildBatchRun(batch).orElseThrow();
      Build stoppedMember = after.members().values().stream()
          .filter(member -> member.id().orElseThrow().equals(last)).findFirst().orElseThrow();
      assertThat(stoppedMember.buildStatus()).as("round %d", round).contains(StatusType.STOPPED);
      assertThat(results.get(1)).as("round %d: StopBuild's answer", round).isEqualTo(Either.right(stoppedMember));
      for (Build member : after.members().values()) {
        assertThat(codeBuild.build(BuildId.parse(member.id().orElseThrow()).get()))
            .as("round %d: the build store holds each member as its batch does", round).contains(member);
      }
    }
  }

  @Test
  void aResetRacingABatchsStopsLeavesNoMemberBehind() throws Exception {
    for (int round = 0; round < 200; round++) {
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
      BatchRun before = inProgress(codeBuild, LIST);
      String batchId = before.batch().id().orElseThrow();
      String a = before.member("a").orElseThrow().id().orElseThrow();
      List<Callable<Object>> racers = List.of(
          () -> codeBuild.stopBuildBatch(batchId),
          () -> {
            codeBuild.reset();
            return null;
          },
          () -> codeBuild.stopBuild(a));

      race.run(racers);

      // the reset forgot the batch and every member, whichever stop came first
      assertThat(codeBuild.buildBatchCount()).as("round %d", round).isZero();
      assertThat(codeBuild.builds()).as("round %d", round).isEmpty();
    }
  }

  @Test
  void manyStopBuildBatchCallersGetTheSameStoppedBatch() throws Exception {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
    String batchId = inProgress(codeBuild, LIST).batch().id().orElseThrow();
    List<Callable<Either<StopFailure, BuildBatch>>> racers = List.of(
        () -> codeBuild.stopBuildBatch(batchId), () -> codeBuild.stopBuildBatch(batchId),
        () -> codeBuild.stopBuildBatch(batchId), () -> codeBuild.stopBuildBatch(batchId),
        () -> codeBuild.stopBuildBatch(batchId));

    List<Either<StopFailure, BuildBatch>> results = race.run(racers);

    assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(results.get(0)));
    assertThat(results.get(0).get().buildBatchStatus()).contains(StatusType.STOPPED);
  }
}
