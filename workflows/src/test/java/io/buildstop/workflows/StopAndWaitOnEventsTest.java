package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildEventSource;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.workflows.contract.FakeTime;
import io.buildstop.workflows.contract.SettlingLater;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Stop-and-wait with the backend's build events (issue 19): the build's final state change ends the wait before the
 * next backoff, and a wait whose events are lost is the polling one, deadline included.
 *
 * <p>The backend stops at once and emits the STOPPED state change then, but its StopBuild answers the build as it
 * was ({@link SettlingLater}): the wait is needed, and only the event can cut it short. The stop's answer is given
 * once the backend has handed its events over, so what the wait does with them is not left to thread timing.
 */
class StopAndWaitOnEventsTest {
  private static final Duration DELIVERY = Duration.ofSeconds(10);

  private final FakeTime time = new FakeTime(Instant.parse("2026-12-03T12:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
  private final String id = codeBuild.startBuild("wait-project").get().id().orElseThrow();
  private final AtomicInteger subscriptions = new AtomicInteger();
  private final AtomicInteger closedSubscriptions = new AtomicInteger();

  // the backend's events, counting the subscriptions made and closed
  private final BuildEventSource counted = sink -> {
    subscriptions.incrementAndGet();
    return codeBuild.subscribe(sink).map(subscription -> () -> {
      closedSubscriptions.incrementAndGet();
      subscription.close();
    });
  };

  // a source whose events never arrive, as when every one is dropped
  private final BuildEventSource losingEveryEvent = sink -> {
    subscriptions.incrementAndGet();
    return Either.right(closedSubscriptions::incrementAndGet);
  };

  private BuildStopper answeringOnceDelivered(BuildStopper stopper) {
    return buildId -> {
      Either<StopFailure, Build> answer = stopper.stopBuild(buildId);
      assertThat(codeBuild.awaitEventDelivery(DELIVERY)).as("the stop's events handed over").isTrue();
      return answer;
    };
  }

  private StopAndWait<Build> configured(StopAndWait<Build> stopAndWait, Backoff backoff, Duration timeout) {
    return stopAndWait.clock(time).sleeper(time).backoff(backoff).timeout(timeout).random(new SplittableRandom(7));
  }

  @Test
  void theFinalStateChangeEndsTheWaitWithOneReadAndNoSleep() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, 0);

    Either<StopAndWaitFailure<Build>, Build> result = configured(
        StopAndWait.with(answeringOnceDelivered(backend), backend, counted), Backoff.fixed(sec(2)), sec(60)).run(id);

    assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
    assertThat(result.get()).as("the read's build, as polling finds it").isEqualTo(codeBuild.batchGetBuilds(
        List.of(id)).get().builds().get(0));
    assertThat(time.sleeps()).isEmpty();
    assertThat(backend.reads()).isEqualTo(1);
    assertThat(closedSubscriptions).hasValue(1);
    assertThat(subscriptions).hasValue(1);
  }

  @Test
  void withoutEventsTheSameWaitSleepsTheBackoffFirst() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, 0);

    Either<StopAndWaitFailure<Build>, Build> result = configured(
        StopAndWait.with(answeringOnceDelivered(backend), backend), Backoff.fixed(sec(2)), sec(60)).run(id);

    assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
    assertThat(time.sleeps()).containsExactly(sec(2));
  }

  @Test
  void aLostStateChangeLeavesThePollingToFindTheStoppedBuild() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, 2);

    Either<StopAndWaitFailure<Build>, Build> result = configured(
        StopAndWait.with(answeringOnceDelivered(backend), backend, losingEveryEvent), Backoff.fixed(sec(2)), sec(60))
        .run(id);

    assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
    assertThat(time.sleeps()).containsExactly(sec(2), sec(2), sec(2));
    assertThat(closedSubscriptions).hasValue(1);
  }

  @Test
  void readsLaggingBehindTheStateChangeArePacedByTheBackoffUntilTheDeadline() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, Integer.MAX_VALUE);
    Instant start = time.instant();

    Either<StopAndWaitFailure<Build>, Build> result = configured(
        StopAndWait.with(answeringOnceDelivered(backend), backend, counted), new Backoff(sec(1), sec(10), 2, 0),
        sec(20)).run(id);

    assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.STILL_RUNNING_AT_DEADLINE);
    assertThat(time.sleeps()).as("the event saves the first sleep and no other").containsExactly(
        sec(2), sec(4), sec(8), sec(6));
    assertThat(time.instant()).isEqualTo(start.plus(sec(20)));
    assertThat(closedSubscriptions).hasValue(1);
  }

  @Test
  void aSourceThatCannotSubscribeLeavesThePollingAsItIs() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, 0);
    BuildEventSource unavailable = sink -> Either.left(StopFailure.unavailable("no event bus"));

    Either<StopAndWaitFailure<Build>, Build> result = configured(
        StopAndWait.with(answeringOnceDelivered(backend), backend, unavailable), Backoff.fixed(sec(2)), sec(60))
        .run(id);

    assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
    assertThat(time.sleeps()).containsExactly(sec(2));
  }

  @Test
  void aSubscriptionIsClosedWhenTheWaitFails() {
    String unknown = "wait-project:00000000-0000-0000-0000-000000000000";

    Either<StopAndWaitFailure<Build>, Build> result =
        configured(StopAndWait.with(codeBuild, codeBuild, counted), Backoff.fixed(sec(2)), sec(60)).run(unknown);

    assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.FAILED);
    assertThat(closedSubscriptions).hasValue(1);
  }

  @Test
  void aStopThatCompletesTheBuildNeedsNoEvent() {
    Either<StopAndWaitFailure<Build>, Build> result =
        configured(StopAndWait.with(codeBuild, codeBuild, losingEveryEvent), Backoff.fixed(sec(2)), sec(60)).run(id);

    assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
    assertThat(time.sleeps()).isEmpty();
    assertThat(closedSubscriptions).hasValue(1);
  }

  @Test
  void aSubscriptionThatThrowsOnCloseIsAFailureNotAnException() {
    BuildEventSource breakingItsPromise = sink -> Either.right(() -> {
      throw new IllegalStateException("cannot unsubscribe");
    });

    Either<StopAndWaitFailure<Build>, Build> result = configured(
        StopAndWait.with(codeBuild, codeBuild, breakingItsPromise), Backoff.fixed(sec(2)), sec(60)).run(id);

    assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.FAILED);
    assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure().message())
        .contains("cannot unsubscribe");
    assertThat(codeBuild.batchGetBuilds(List.of(id)).get().builds().get(0).buildStatus())
        .as("the stop itself happened").contains(StatusType.STOPPED);
  }

  private static Duration sec(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
