package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildEventSource;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildEvents;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 19, emission: the in-memory CodeBuild emits each build transition's events (docs/build-events.md) exactly
 * once, in transition order, on its own thread, whatever its listeners do.
 *
 * <p>Events arrive a moment after the transition, in the order they were handed over, all builds together. So
 * "nothing more came" is checked structurally: a marker build is started afterwards, and once its event has arrived,
 * every event handed over before it has too.
 */
class InMemoryBuildEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String MARKER = "marker";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00.123Z"));
  private final BuildEventRecorder recorder = BuildEventRecorder.create();
  private final InMemoryCodeBuild codeBuild =
      InMemoryCodeBuild.builder().clock(clock).eventListener(recorder).build();

  // every event handed over so far, once a marker started after them has arrived; the markers' own left out
  private List<BuildEvent> delivered() {
    Build marker = codeBuild.startBuild(MARKER).get();
    assertThat(recorder.awaitEvents(BuildEventRecorder.ofBuild(marker.arn().orElseThrow()), 1, WAIT)).isNotEmpty();
    return recorder.events(event -> !event.resources().get(0).contains(":build/" + MARKER + ":"));
  }

  private List<BuildEvent> of(Build build) {
    return delivered().stream().filter(BuildEventRecorder.ofBuild(build.arn().orElseThrow()))
        .collect(Collectors.toList());
  }

  private static List<String> kinds(List<BuildEvent> events) {
    return events.stream().map(event -> event instanceof BuildStateChange
        ? "state " + ((BuildStateChange) event).detail().buildStatusAsString().orElseThrow()
        : "phase " + ((BuildPhaseChange) event).detail().completedPhaseAsString().orElseThrow() + " "
            + ((BuildPhaseChange) event).detail().completedPhaseStatusAsString().orElseThrow())
        .collect(Collectors.toList());
  }

  private static List<String> closedPhases(Build build) {
    return build.phases().stream().filter(phase -> phase.phaseStatusAsString().isPresent())
        .map(phase -> "phase " + phase.phaseTypeAsString().orElseThrow() + " " + phase.phaseStatusAsString().get())
        .collect(Collectors.toList());
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }

  @Nested
  class Order {
    @Test
    void aStartEmitsTheInProgressStateChangeThenThePhasesItClosed() {
      Build started = codeBuild.startBuild("events").get();

      List<BuildEvent> events = of(started);

      assertThat(kinds(events)).first().isEqualTo("state IN_PROGRESS");
      assertThat(kinds(events).subList(1, events.size())).isEqualTo(closedPhases(started)).isNotEmpty();
      assertThat(events).isEqualTo(BuildEvents.of(Build.builder().build(), started, clock.instant()));
    }

    @Test
    void aWholeLifeEmitsTheStartThenOnePhaseChangePerClosedPhaseInOrderThenTheFinalState() {
      Build running = codeBuild.startBuildInPhase("events", BuildPhaseType.BUILD).get();
      clock.advance(Duration.ofSeconds(5));
      Build complete = codeBuild.complete(running.id().orElseThrow(), StatusType.FAILED).get();

      List<String> kinds = kinds(of(complete));

      List<String> expected = new ArrayList<>();
      expected.add("state IN_PROGRESS");
      expected.addAll(closedPhases(complete));
      expected.add("state FAILED");
      assertThat(kinds).isEqualTo(expected);
    }

    @Test
    void eachEventIdIsDistinct() {
      Build running = codeBuild.startBuildInPhase("events", BuildPhaseType.POST_BUILD).get();
      codeBuild.stopBuild(running.id().orElseThrow());

      List<BuildEvent> events = of(running);

      assertThat(events).extracting(BuildEvent::id).doesNotHaveDuplicates();
    }
  }

  @Nested
  class Stops {
    @Test
    void aStopEmitsOnePhaseChangeForTheStoppedPhaseAndOneStoppedStateChange() {
      Build running = codeBuild.startBuildInPhase("events", BuildPhaseType.BUILD).get();
      List<BuildEvent> beforeTheStop = of(running);
      clock.advance(Duration.ofSeconds(7));

      Build stopped = codeBuild.stopBuild(running.id().orElseThrow()).get();
      List<BuildEvent> events = of(running).subList(beforeTheStop.size(), of(running).size());

      assertThat(kinds(events)).containsExactly("phase BUILD STOPPED", "state STOPPED");
      assertThat(events).isEqualTo(BuildEvents.of(running, stopped, clock.instant()));
    }

    @Test
    void aStopOfACompleteBuildEmitsNothing() {
      Build complete = codeBuild.startCompletedBuild("events", StatusType.SUCCEEDED).get();
      int before = of(complete).size();

      assertThat(codeBuild.stopBuild(complete.id().orElseThrow()).get()).isEqualTo(complete);
      assertThat(codeBuild.stopBuild(complete.id().orElseThrow()).get()).isEqualTo(complete);

      assertThat(of(complete)).hasSize(before);
    }

    @Test
    void manyThreadsStoppingTheSameBuildEmitOneStoppedStateChangeAndOnePhaseChange() throws Exception {
      int threads = 16;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Build> builds = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
          Build running = codeBuild.startBuildInPhase("contended", BuildPhaseType.BUILD).get();
          builds.add(running);
          List<Callable<Build>> stops = new ArrayList<>();
          for (int i = 0; i < threads; i++) {
            stops.add(() -> codeBuild.stopBuild(running.id().orElseThrow()).get());
          }
          assertThat(new Race(pool).run(stops)).allMatch(answer -> answer.equals(
              codeBuild.build(idOf(running)).orElseThrow()));
        }

        for (Build build : builds) {
          List<String> kinds = kinds(of(build));
          assertThat(kinds).filteredOn("state STOPPED"::equals).hasSize(1);
          assertThat(kinds).filteredOn("phase BUILD STOPPED"::equals).hasSize(1);
          assertThat(kinds).last().isEqualTo("state STOPPED");
        }
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void aStopWithALatencyEmitsWhenItSettlesNotWhenItIsAccepted() {
      Duration latency = Duration.ofSeconds(5);
      BuildEventRecorder late = BuildEventRecorder.create();
      InMemoryCodeBuild slow = InMemoryCodeBuild.builder().clock(clock).stopLatency(latency).build();
      slow.addEventListener(late);
      Build running = slow.startBuildInPhase("events", BuildPhaseType.BUILD).get();

      slow.stopBuild(running.id().orElseThrow());
      Build marker = slow.startBuild(MARKER).get();
      late.awaitEvents(BuildEventRecorder.ofBuild(marker.arn().orElseThrow()), 1, WAIT);
      List<BuildEvent> accepted = late.events(BuildEventRecorder.ofBuild(running.arn().orElseThrow()));
      clock.advance(latency);
      Build settled = slow.build(idOf(running)).orElseThrow();
      List<BuildEvent> events = late.awaitEvents(BuildEventRecorder.ofBuild(running.arn().orElseThrow()),
          accepted.size() + 2, WAIT);

      assertThat(kinds(accepted)).doesNotContain("state STOPPED");
      assertThat(settled.buildStatus()).contains(StatusType.STOPPED);
      assertThat(kinds(events.subList(accepted.size(), events.size())))
          .containsExactly("phase BUILD STOPPED", "state STOPPED");
    }

    @Test
    void aStopWithALatencySettlesOnTimeForListenersThoughNothingCallsTheBackend() {
      Duration latency = Duration.ofMillis(200);
      BuildEventRecorder late = BuildEventRecorder.create();
      InMemoryCodeBuild slow = InMemoryCodeBuild.builder().stopLatency(latency).eventListener(late).build();
      Build running = slow.startBuildInPhase("events", BuildPhaseType.BUILD).get();

      Build answered = slow.stopBuild(running.id().orElseThrow()).get();
      // no call after the stop: only the backend itself can settle it
      List<BuildEvent> events = late.awaitEvents(event -> BuildEventRecorder.ofBuild(running.arn().orElseThrow())
          .test(event) && kinds(List.of(event)).contains("state STOPPED"), 1, WAIT);

      assertThat(answered.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(kinds(events)).containsExactly("state STOPPED");
    }
  }

  @Nested
  class BatchMembers {
    @Test
    void aBatchsMembersEmitTheirStartAndTheirStop() {
      BuildBatch started = codeBuild.startBuildBatch("batches", InMemoryBuildBatchTest.GRAPH).get();
      codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
      codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
      BatchRun run = codeBuild.buildBatchRun(BuildId.parse(started.id().orElseThrow()).get()).orElseThrow();
      Build first = run.member("first").orElseThrow();

      codeBuild.stopBuildBatch(started.id().orElseThrow()).get();

      List<String> kinds = kinds(of(first));
      assertThat(kinds).first().isEqualTo("state IN_PROGRESS");
      assertThat(kinds).filteredOn("state STOPPED"::equals).hasSize(1);
      assertThat(kinds).last().isEqualTo("state STOPPED");
    }
  }

  @Nested
  class Listeners {
    @Test
    void aThrowingListenerChangesNeitherTheStopsAnswerNorWhatTheOthersReceive() {
      BuildEventRecorder behind = BuildEventRecorder.create();
      InMemoryCodeBuild withAThrower = InMemoryCodeBuild.builder().clock(clock)
          .eventListener(event -> {
            throw new IllegalStateException("a listener's bug");
          })
          .eventListener(behind)
          .build();
      Build running = withAThrower.startBuildInPhase("events", BuildPhaseType.BUILD).get();

      Build stopped = withAThrower.stopBuild(running.id().orElseThrow()).get();
      List<BuildEvent> events = behind.awaitEvents(event -> event instanceof BuildStateChange
          && ((BuildStateChange) event).detail().buildStatusAsString().equals(java.util.Optional.of("STOPPED")), 1,
          WAIT);

      assertThat(stopped).isEqualTo(StopRules.stop(running, clock.instant().truncatedTo(
          java.time.temporal.ChronoUnit.MILLIS)));
      assertThat(events).hasSize(1);
      assertThat(withAThrower.eventListenerFailures()).isEqualTo(behind.received());
    }

    @Test
    @Timeout(60)
    void aBlockedListenerHoldsUpNoTransitionAndWhatDoesNotFitIsDroppedAndCounted() {
      CountDownLatch release = new CountDownLatch(1);
      AtomicReference<Thread> listenerThread = new AtomicReference<>();
      InMemoryCodeBuild blocked = InMemoryCodeBuild.builder().clock(clock).eventQueueCapacity(4)
          .eventListener(event -> {
            listenerThread.compareAndSet(null, Thread.currentThread());
            try {
              release.await();
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          })
          .build();
      try {
        // the listener blocks on the first event and is not released before every stop has answered: a transition
        // that waited for it would never return (the test's timeout ends it), and the queue of 4 overflows
        List<Build> stopped = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          Build running = blocked.startBuildInPhase("events", BuildPhaseType.BUILD).get();
          stopped.add(blocked.stopBuild(running.id().orElseThrow()).get());
        }

        assertThat(stopped).allMatch(build -> build.buildStatus().equals(java.util.Optional.of(StatusType.STOPPED)));
        assertThat(release.getCount()).isEqualTo(1);
        assertThat(blocked.droppedEvents()).isPositive();
        assertThat(listenerThread.get()).isNotSameAs(Thread.currentThread());
        assertThat(blocked.awaitEventDelivery(Duration.ofMillis(50))).isFalse();
        release.countDown();
        assertThat(blocked.awaitEventDelivery(WAIT)).isTrue();
      } finally {
        release.countDown();
      }
    }

    @Test
    void aRemovedListenerReceivesNothingMore() {
      BuildEventRecorder removed = BuildEventRecorder.create();
      codeBuild.addEventListener(removed);
      assertThat(codeBuild.removeEventListener(removed)).isTrue();

      Build started = codeBuild.startBuild("events").get();

      assertThat(of(started)).isNotEmpty();
      assertThat(removed.events()).isEmpty();
    }

    @Test
    void aSubscriptionReceivesEventsUntilItIsClosedAndEachOfOneSinksSubscriptionsEndsAlone() {
      BuildEventRecorder subscriber = BuildEventRecorder.create();
      BuildEventSource.Subscription first = codeBuild.subscribe(subscriber).get();
      BuildEventSource.Subscription second = codeBuild.subscribe(subscriber).get();
      Build whileBoth = codeBuild.startBuild("events").get();
      assertThat(of(whileBoth)).isNotEmpty();

      first.close();
      first.close();
      Build whileOne = codeBuild.startBuild("events").get();
      assertThat(of(whileOne)).isNotEmpty();
      second.close();
      Build afterBoth = codeBuild.startBuild("events").get();
      assertThat(of(afterBoth)).isNotEmpty();

      assertThat(subscriber.events(BuildEventRecorder.ofBuild(whileBoth.arn().orElseThrow())))
          .as("two subscriptions, each event twice").hasSize(2 * of(whileBoth).size());
      assertThat(subscriber.events(BuildEventRecorder.ofBuild(whileOne.arn().orElseThrow())))
          .hasSameSizeAs(of(whileOne));
      assertThat(subscriber.events(BuildEventRecorder.ofBuild(afterBoth.arn().orElseThrow()))).isEmpty();
    }

    @Test
    void aBackendWithoutListenersDerivesNoEvents() {
      InMemoryCodeBuild silent = InMemoryCodeBuild.builder().clock(clock).eventQueueCapacity(1).build();
      for (int i = 0; i < 5; i++) {
        silent.startBuildInPhase("events", BuildPhaseType.BUILD).get();
      }

      assertThat(silent.droppedEvents()).isZero();
    }
  }
}
