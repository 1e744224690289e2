package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildEvents;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildEventRecorderTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).build();

  private List<BuildEvent> someEvents() {
    Build running = codeBuild.startBuildInPhase("recorded", BuildPhaseType.BUILD).get();
    return BuildEvents.of(Build.builder().build(), running, clock.instant());
  }

  @Test
  void keepsTheEventsInTheOrderReceivedAndSortsThemByKind() {
    BuildEventRecorder recorder = BuildEventRecorder.create();
    List<BuildEvent> events = someEvents();

    events.forEach(recorder::accept);

    assertThat(recorder.events()).isEqualTo(events);
    assertThat(recorder.stateChanges()).hasSize(1);
    assertThat(recorder.phaseChanges()).hasSize(events.size() - 1);
  }

  @Test
  void beyondItsCapacityTheOldestGoFirstAndReceivedStillCountsThem() {
    BuildEventRecorder recorder = BuildEventRecorder.withCapacity(2);
    List<BuildEvent> events = someEvents();

    events.forEach(recorder::accept);

    assertThat(recorder.events()).isEqualTo(events.subList(events.size() - 2, events.size()));
    assertThat(recorder.received()).isEqualTo(events.size());
  }

  @Test
  void anAwaitThatTimesOutAnswersWhatArrivedInsteadOfHanging() {
    BuildEventRecorder recorder = BuildEventRecorder.create();
    List<BuildEvent> events = someEvents();
    recorder.accept(events.get(0));

    assertThat(recorder.awaitEvents(5, Duration.ofMillis(20))).containsExactly(events.get(0));
    assertThat(recorder.awaitEvents(1, Duration.ZERO)).containsExactly(events.get(0));
  }

  @Test
  void anAwaitEndsWhenTheEventsArriveFromAnotherThread() throws InterruptedException {
    BuildEventRecorder recorder = BuildEventRecorder.create();
    List<BuildEvent> events = someEvents();
    Thread sender = new Thread(() -> events.forEach(recorder::accept));
    sender.start();

    assertThat(recorder.awaitEvents(events.size(), Duration.ofSeconds(10))).isEqualTo(events);
    sender.join();
  }

  @Test
  void clearForgetsTheEventsAndTheCount() {
    BuildEventRecorder recorder = BuildEventRecorder.create();
    someEvents().forEach(recorder::accept);

    recorder.clear();

    assertThat(recorder.events()).isEmpty();
    assertThat(recorder.received()).isZero();
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> BuildEventRecorder.withCapacity(0));
  }
}
