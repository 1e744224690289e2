package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Spec §4.5 under real threads: whatever races a stop (other stops, natural completion, advancing), a build makes
 * one terminal transition and every caller sees the same resulting build.
 *
 * <p>The clock ticks on every read, so two transitions of one build carry different instants and cannot both be
 * returned as one equal build. Many racers released by a latch find the orderings; two racers released in lockstep
 * (a spinning gate) hit the few microseconds between a read and a write of the store, which a non-atomic update
 * would leave open: measured here, they collide in most rounds, so a broken update fails within the first few.
 */
@DisplayName("InMemoryCodeBuild under concurrent callers (spec §4.5)")
class InMemoryCodeBuildConcurrencyTest {
  private static final int RACERS = 16;
  private static final int ROUNDS = 200;
  private static final int LOCKSTEP_ROUNDS = 500;
  private static final Instant ORIGIN = Instant.parse("2019-05-03T18:09:16.318Z");
  private static final StopFailure THROTTLED = new StopFailure.Throttled("Rate exceeded");

  private static ExecutorService pool;
  private static Race race;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(RACERS);
    race = new Race(pool);
  }

  @AfterAll
  static void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static InMemoryCodeBuild newStopper() {
    return InMemoryCodeBuild.builder().clock(new TickingClock(ORIGIN, 7)).build();
  }

  /** A build of {@code projectName}, started and advanced {@code advances} times (0 leaves it in QUEUED). */
  private static Build running(InMemoryCodeBuild stopper, String projectName, int advances) {
    Build build = stopper.startBuild(projectName).get();
    for (int i = 0; i < advances; i++) {
      build = stopper.advance(build.id().orElseThrow()).get();
    }
    assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
    return build;
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }

  private static List<Callable<Either<StopFailure, Build>>> stops(InMemoryCodeBuild stopper, Build build, int n) {
    List<Callable<Either<StopFailure, Build>>> stops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      stops.add(() -> stopper.stopBuild(build.id().orElseThrow()));
    }
    return stops;
  }

  /** Every caller got the stored build, which is STOPPED with exactly one phase more than before. */
  private static void assertOneStopTransition(
      InMemoryCodeBuild stopper, Build before, List<Either<StopFailure, Build>> results, int round) {
    Build stored = stopper.build(idOf(before)).orElseThrow();
    assertThat(results).as("round %d: every caller gets the stored build", round)
        .containsOnly(Either.right(stored));
    assertThat(stored.buildStatus()).contains(StatusType.STOPPED);
    assertThat(stored.phases()).as("one transition adds one phase").hasSize(before.phases().size() + 1);
    assertThat(stopper.stopCalls()).extracting(StopCall::at).contains(stored.endTime().orElseThrow());
    assertThat(BuildInvariants.violations(stored)).isEmpty();
  }

  /**
   * The build ended in exactly one terminal state, STOPPED or SUCCEEDED, and every stop and completion caller was
   * answered with that one final build: when the stop won, completions found it stopped and returned it unchanged,
   * and the other way round.
   */
  private static void assertOneTerminalState(
      InMemoryCodeBuild stopper, Build before, List<Either<StopFailure, Build>> enders, int round) {
    Build stored = stopper.build(idOf(before)).orElseThrow();
    assertThat(stored.buildStatus().orElseThrow()).as("round %d", round)
        .isIn(StatusType.STOPPED, StatusType.SUCCEEDED);
    assertThat(BuildInvariants.violations(stored)).as("round %d", round).isEmpty();
    assertThat(stored.phases()).filteredOn(phase -> phase.phaseType().equals(Optional.of(BuildPhaseType.COMPLETED)))
        .as("one terminal transition, one COMPLETED marker").hasSize(1);
    assertThat(enders).as("round %d: stop and complete callers", round).containsOnly(Either.right(stored));
  }

  @Test
  void manyThreadsStoppingOneBuildSeeOneTransition() throws InterruptedException {
    for (int round = 0; round < ROUNDS; round++) {
      InMemoryCodeBuild stopper = newStopper();
      Build before = running(stopper, "p1", round % 9);

      List<Either<StopFailure, Build>> results = race.run(stops(stopper, before, RACERS));

      assertOneStopTransition(stopper, before, results, round);
    }
  }

  @Test
  void twoThreadsStoppingOneBuildInLockstepSeeOneTransition() throws InterruptedException {
    for (int round = 0; round < LOCKSTEP_ROUNDS; round++) {
      InMemoryCodeBuild stopper = newStopper();
      Build before = running(stopper, "p1", round % 9);

      List<Either<StopFailure, Build>> results = race.inLockstep(stops(stopper, before, 2));

      assertOneStopTransition(stopper, before, results, round);
    }
  }

  @Test
  void manyThreadsStoppingDifferentBuildsStopEachExactlyOnce() throws InterruptedException {
    for (int round = 0; round < ROUNDS / 4; round++) {
      InMemoryCodeBuild stopper = newStopper();
      List<Build> builds = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        builds.add(running(stopper, "p" + (i % 3 + 1), i % 9));
      }
      // every racer stops every build, each starting at a different one, so every build is raced for
      List<Callable<List<Either<StopFailure, Build>>>> racers = new ArrayList<>();
      for (int racer = 0; racer < RACERS; racer++) {
        int first = racer;
        racers.add(() -> {
          List<Either<StopFailure, Build>> seen = new ArrayList<>();
          for (int i = 0; i < builds.size(); i++) {
            seen.add(stopper.stopBuild(builds.get((first + i) % builds.size()).id().orElseThrow()));
          }
          return seen;
        });
      }

      List<List<Either<StopFailure, Build>>> results = race.run(racers);

      for (int b = 0; b < builds.size(); b++) {
        List<Either<StopFailure, Build>> forThisBuild = new ArrayList<>();
        for (int racer = 0; racer < RACERS; racer++) {
          forThisBuild.add(results.get(racer).get(Math.floorMod(b - racer, builds.size())));
        }
        assertOneStopTransition(stopper, builds.get(b), forThisBuild, round);
      }
    }
  }

  @Test
  void aStopRacingCompletionsAndAdvancesEndsInExactlyOneTerminalState() throws InterruptedException {
    for (int round = 0; round < ROUNDS; round++) {
      InMemoryCodeBuild stopper = newStopper();
      // from QUEUED up to FINALIZING, where an advance is itself a natural completion
      Build before = running(stopper, "p1", round % 9);
      String id = before.id().orElseThrow();
      List<Callable<Either<StopFailure, Build>>> enders = new ArrayList<>(stops(stopper, before, RACERS / 2));
      for (int i = 0; i < RACERS / 4; i++) {
        enders.add(() -> stopper.complete(id, StatusType.SUCCEEDED));
      }
      List<Callable<Either<StopFailure, Build>>> all = new ArrayList<>(enders);
      for (int i = 0; i < RACERS / 4; i++) {
        all.add(() -> stopper.advance(id));
      }

      List<Either<StopFailure, Build>> results = race.run(all);

      assertOneTerminalState(stopper, before, results.subList(0, enders.size()), round);
    }
  }

  @Test
  void aStopAndACompletionInLockstepEndInExactlyOneTerminalState() throws InterruptedException {
    for (int round = 0; round < LOCKSTEP_ROUNDS; round++) {
      InMemoryCodeBuild stopper = newStopper();
      Build before = running(stopper, "p1", round % 9);
      String id = before.id().orElseThrow();
      List<Callable<Either<StopFailure, Build>>> pair = new ArrayList<>(stops(stopper, before, 1));
      pair.add(() -> stopper.complete(id, StatusType.SUCCEEDED));

      List<Either<StopFailure, Build>> results = race.inLockstep(pair);

      assertOneTerminalState(stopper, before, results, round);
    }
  }

  @Test
  void aStopAndAnAdvanceInLockstepLeaveTheBuildStopped() throws InterruptedException {
    for (int round = 0; round < LOCKSTEP_ROUNDS; round++) {
      InMemoryCodeBuild stopper = newStopper();
      // never from FINALIZING: there an advance completes the build, which the test above covers
      Build before = running(stopper, "p1", round % 8);
      String id = before.id().orElseThrow();
      List<Callable<Either<StopFailure, Build>>> pair = new ArrayList<>(stops(stopper, before, 1));
      pair.add(() -> stopper.advance(id));

      List<Either<StopFailure, Build>> results = race.inLockstep(pair);

      // whether the advance came first or not, the stop's answer is what is stored, and nothing undid it
      Build stored = stopper.build(idOf(before)).orElseThrow();
      assertThat(stored.buildStatus()).as("round %d", round).contains(StatusType.STOPPED);
      assertThat(results.get(0)).as("round %d", round).isEqualTo(Either.right(stored));
      assertThat(BuildInvariants.violations(stored)).isEmpty();
    }
  }

  @Test
  void concurrentCallersTakeOneInjectedFailureEach() throws InterruptedException {
    int armed = 5;
    for (int round = 0; round < ROUNDS / 4; round++) {
      InMemoryCodeBuild stopper = newStopper();
      List<Callable<Either<StopFailure, Build>>> stops = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        stops.addAll(stops(stopper, running(stopper, "p1", 0), 1));
      }
      stopper.failNextCalls(armed, THROTTLED);

      List<Either<StopFailure, Build>> results = race.run(stops);

      assertThat(results).filteredOn(Either::isLeft).as("round %d", round)
          .hasSize(armed).containsOnly(Either.left(THROTTLED));
      assertThat(stopper.builds()).filteredOn(build -> build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS)))
          .hasSize(armed);
    }
  }
}
