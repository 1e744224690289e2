package io.buildstop.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.BuildEventRecorder;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.StopCall;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The state of one generated session: an {@link InMemoryCodeBuild} and a model of what it must hold, kept side
 * by side. Each step calls the backend, checks the answer against the model, then moves the model on.
 *
 * <p>Builds are named {@code <project>#<n>}, the n-th build started for the project in this chain, because the
 * backend's build uuids are random: the name resolves to the real id when the step runs, so a replayed (shrunk)
 * session means the same build. Steps on a started build pick it by index, modulo the builds started so far.
 */
final class StopperSimulation {
  static final String ARN_PREFIX = "arn:aws:codebuild:us-east-1:123456789012:build/";
  static final StopFailure THROTTLED = new StopFailure.Throttled("Rate exceeded");

  private record Expected(StatusType status, BuildPhaseType phase) {
    boolean running() {
      return status == StatusType.IN_PROGRESS;
    }
  }

  private final BuildEventRecorder events = BuildEventRecorder.create();
  private final InMemoryCodeBuild stopper = InMemoryCodeBuild.builder()
      .clock(new TickingClock(Instant.parse("2019-05-03T18:09:16.318Z"), 1_500))
      .eventListener(events)
      .build();
  private final Map<String, BuildId> ids = new LinkedHashMap<>();
  private final Map<String, Expected> model = new LinkedHashMap<>();
  private final Map<String, Integer> startedPerProject = new HashMap<>();
  private int armedFailures;
  private int runningBuildsStopped;

  /** The names of the builds started so far, in start order. */
  List<String> buildNames() {
    return List.copyOf(ids.keySet());
  }

  /** How many stops in this session found their build running. */
  int runningBuildsStopped() {
    return runningBuildsStopped;
  }

  boolean hasBuilds() {
    return !ids.isEmpty();
  }

  void startBuild(String projectName) {
    Either<StopFailure, Build> result = stopper.startBuild(projectName);

    int number = startedPerProject.merge(projectName, 1, Integer::sum);
    Build build = result.get();
    assertThat(build.projectName()).contains(projectName);
    assertThat(build.buildNumber()).contains((long) number);
    assertThat(build.id().orElseThrow()).startsWith(projectName + ":");
    assertThat(build.arn()).contains(ARN_PREFIX + build.id().orElseThrow());
    assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
    assertThat(build.currentPhase()).contains(BuildPhaseType.QUEUED);
    String name = projectName + "#" + number;
    ids.put(name, BuildId.parse(build.id().orElseThrow()).get());
    model.put(name, new Expected(StatusType.IN_PROGRESS, BuildPhaseType.QUEUED));
  }

  void stopBuild(String name, boolean asArn) {
    BuildId id = ids.get(name);
    if (id == null) {
      return; // only in a shrunk chain that no longer starts this build
    }
    Build before = stopper.build(id).orElseThrow();
    Set<Build> storeBefore = store();

    Either<StopFailure, Build> result = stopper.stopBuild(asArn ? ARN_PREFIX + id.value() : id.value());

    if (armedFailures > 0) {
      armedFailures--;
      assertThat(result).isEqualTo(Either.left(THROTTLED));
      assertThat(store()).isEqualTo(storeBefore);
      return;
    }
    Build after = result.get();
    assertThat(stopper.build(id)).contains(after);
    if (!model.get(name).running()) {
      // spec §4.3, §4.4: a complete build comes back unchanged
      assertThat(after).isEqualTo(before);
      return;
    }
    // spec §4.2: one phase closes STOPPED, the marker follows, at the instant of the call
    Instant at = lastStopCall().at();
    int closed = before.phases().size() - 1;
    assertThat(after.buildStatus()).contains(StatusType.STOPPED);
    assertThat(after.buildComplete()).contains(true);
    assertThat(after.currentPhase()).contains(BuildPhaseType.COMPLETED);
    assertThat(after.endTime()).contains(at);
    assertThat(after.phases()).hasSize(before.phases().size() + 1);
    assertThat(after.phases().subList(0, closed)).isEqualTo(before.phases().subList(0, closed));
    assertThat(after.phases().get(closed).phaseStatus()).contains(StatusType.STOPPED);
    assertThat(after.phases().get(closed).endTime()).contains(at);
    model.put(name, new Expected(StatusType.STOPPED, BuildPhaseType.COMPLETED));
    runningBuildsStopped++;
  }

  /** BatchGetBuilds' view: the stored build is the modelled one, and a read changes nothing. */
  void read(String name) {
    BuildId id = ids.get(name);
    Set<Build> storeBefore = store();

    Build read = stopper.build(id).orElseThrow();

    Expected expected = model.get(name);
    assertThat(read.buildStatus()).as("%s's status", name).contains(expected.status());
    assertThat(read.currentPhase()).as("%s's current phase", name).contains(expected.phase());
    assertThat(store()).isEqualTo(storeBefore);
  }

  /**
   * {@code threads} callers stop one build at once (spec §4.5): one transition, every caller the same answer. No
   * failure is armed here, since which caller meets it is up to the scheduler.
   */
  void stopConcurrently(String name, int threads) {
    if (armedFailures > 0) {
      stopper.failNextCalls(0, THROTTLED);
      armedFailures = 0;
    }
    BuildId id = ids.get(name);
    Build before = stopper.build(id).orElseThrow();
    boolean wasRunning = model.get(name).running();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Either<StopFailure, Build>>> calls = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return stopper.stopBuild(id.value());
      }));
    }
    start.countDown();
    List<Either<StopFailure, Build>> results = calls.stream().map(CompletableFuture::join).toList();

    Build after = stopper.build(id).orElseThrow();
    assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(Either.right(after)));
    if (!wasRunning) {
      assertThat(after).isEqualTo(before);
      return;
    }
    assertThat(after.buildStatus()).contains(StatusType.STOPPED);
    assertThat(after.phases()).hasSize(before.phases().size() + 1);
    model.put(name, new Expected(StatusType.STOPPED, BuildPhaseType.COMPLETED));
    runningBuildsStopped++;
  }

  /** The name of the build a step picks: the {@code pick}-th started, modulo how many there are. */
  String pickBuild(int pick) {
    List<String> names = buildNames();
    return names.get(pick % names.size());
  }

  void stopUnknownBuild(String id) {
    Set<Build> storeBefore = store();

    Either<StopFailure, Build> result = stopper.stopBuild(id);

    if (armedFailures > 0) {
      armedFailures--;
      assertThat(result).isEqualTo(Either.left(THROTTLED));
    } else {
      BuildId parsed = BuildId.parse(id).get();
      assertThat(result).isEqualTo(
          Either.left(new StopFailure.ResourceNotFound("Build " + parsed.value() + " not found", parsed)));
    }
    assertThat(store()).isEqualTo(storeBefore);
  }

  void stopMalformedId(String id) {
    Set<Build> storeBefore = store();

    Either<StopFailure, Build> result = stopper.stopBuild(id);

    // spec §4.7; a malformed id is rejected before any armed failure is used up
    assertThat(result.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
    assertThat(store()).isEqualTo(storeBefore);
  }

  void advance(String name) {
    BuildId id = ids.get(name);
    if (id == null) {
      return;
    }
    Build before = stopper.build(id).orElseThrow();
    Expected expected = model.get(name);

    Build after = stopper.advance(id.value()).get();

    assertThat(stopper.build(id)).contains(after);
    if (!expected.running()) {
      assertThat(after).isEqualTo(before);
      return;
    }
    int index = BuildLifecycle.RUNNING_PHASES.indexOf(expected.phase());
    Expected next = index == BuildLifecycle.RUNNING_PHASES.size() - 1
        ? new Expected(StatusType.SUCCEEDED, BuildPhaseType.COMPLETED)
        : new Expected(StatusType.IN_PROGRESS, BuildLifecycle.RUNNING_PHASES.get(index + 1));
    assertThat(after.buildStatus()).contains(next.status());
    assertThat(after.currentPhase()).contains(next.phase());
    model.put(name, next);
  }

  void complete(String name, StatusType finalStatus) {
    BuildId id = ids.get(name);
    if (id == null) {
      return;
    }
    Build before = stopper.build(id).orElseThrow();

    Build after = stopper.complete(id.value(), finalStatus).get();

    assertThat(stopper.build(id)).contains(after);
    if (!model.get(name).running()) {
      // one terminal state: a second ending changes nothing
      assertThat(after).isEqualTo(before);
      return;
    }
    assertThat(after.buildStatus()).contains(finalStatus);
    assertThat(after.phases().get(0)).isEqualTo(before.phases().get(0));
    model.put(name, new Expected(finalStatus, BuildPhaseType.COMPLETED));
  }

  void failNextCalls(int calls) {
    stopper.failNextCalls(calls, THROTTLED);
    armedFailures = calls;
  }

  /** Invariant: the backend holds exactly the modelled builds, each in its modelled status and phase. */
  boolean storeMatchesTheModel() {
    assertThat(stopper.builds()).hasSize(model.size());
    model.forEach((name, expected) -> {
      Build stored = stopper.build(ids.get(name)).orElseThrow();
      assertThat(stored.buildStatus()).as("%s's status", name).contains(expected.status());
      assertThat(stored.currentPhase()).as("%s's current phase", name).contains(expected.phase());
      assertThat(stored.buildComplete()).as("%s's buildComplete", name).contains(!expected.running());
    });
    return true;
  }

  /**
   * Invariant (issue 19, emission): each build has emitted its life so far, each event once and in order: the
   * IN_PROGRESS state change, one phase change per phase it has closed, in its phase order, and, once complete, one
   * state change with its final status, last. Whatever the session did: repeated and concurrent stops, stops that
   * failed, reads.
   */
  boolean eachBuildEmittedItsLifeOnceInOrder() {
    assertThat(stopper.awaitEventDelivery(Duration.ofSeconds(10))).as("events delivered").isTrue();
    assertThat(stopper.droppedEvents()).isZero();
    model.forEach((name, expected) -> {
      Build stored = stopper.build(ids.get(name)).orElseThrow();
      List<String> life = new ArrayList<>();
      life.add("state IN_PROGRESS");
      stored.phases().stream().filter(phase -> phase.phaseStatusAsString().isPresent())
          .forEach(phase -> life.add("phase " + phase.phaseTypeAsString().orElseThrow() + " "
              + phase.phaseStatusAsString().get()));
      if (!expected.running()) {
        life.add("state " + expected.status());
      }
      List<BuildEvent> emitted = events.events(BuildEventRecorder.ofBuild(stored.arn().orElseThrow()));
      assertThat(emitted.stream().map(StopperSimulation::kind)).as("%s's events", name).containsExactlyElementsOf(life);
      assertThat(emitted.stream().map(BuildEvent::id)).as("%s's event ids", name).doesNotHaveDuplicates();
    });
    return true;
  }

  private static String kind(BuildEvent event) {
    return event instanceof BuildStateChange state
        ? "state " + state.detail().buildStatusAsString().orElseThrow()
        : "phase " + ((BuildPhaseChange) event).detail().completedPhaseAsString().orElseThrow() + " "
            + ((BuildPhaseChange) event).detail().completedPhaseStatusAsString().orElseThrow();
  }

  /** Invariant: every stored build is one a real CodeBuild could return (spec §3). */
  boolean everyBuildIsReal() {
    for (Build build : stopper.builds()) {
      assertThat(BuildInvariants.check(build).swap().toJavaOptional())
          .as("broken invariant of %s", build.id().orElse("?")).isEmpty();
    }
    return true;
  }

  private StopCall lastStopCall() {
    List<StopCall> calls = stopper.stopCalls();
    return calls.get(calls.size() - 1);
  }

  private Set<Build> store() {
    return new HashSet<>(stopper.builds());
  }

  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    model.forEach((name, expected) ->
        shown.add(name + " (" + ids.get(name) + "): " + expected.status() + " in " + expected.phase()));
    return "model " + shown + (armedFailures > 0 ? ", " + armedFailures + " failures armed" : "");
  }
}
