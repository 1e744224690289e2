package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
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
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Stop-and-wait on fake time: how it paces its polls, where its deadline falls, how it fails. */
class StopAndWaitTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
  private final Build running = codeBuild.startBuild("wait-project").get();
  private final String id = running.id().orElseThrow();

  private StopAndWait<Build> over(BuildStopper stopper, BuildReader reader, Backoff backoff, Duration timeout) {
    return StopAndWait.with(stopper, reader).clock(time).sleeper(time).backoff(backoff).timeout(timeout)
        .random(new SplittableRandom(7));
  }

  @Test
  void pollDelaysGrowExponentiallyAndAreCapped() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, 6);

    Either<StopAndWaitFailure<Build>, Build> result =
        over(backend, backend, new Backoff(ms(100), ms(800), 2, 0), Duration.ofMinutes(1)).run(id);

    assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
    assertThat(time.sleeps()).containsExactly(ms(100), ms(200), ms(400), ms(800), ms(800), ms(800), ms(800));
  }

  @Test
  void noSleepReachesPastTheDeadlineAndTheLastReadHappensAtIt() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, Integer.MAX_VALUE);
    Instant start = time.instant();

    Either<StopAndWaitFailure<Build>, Build> result =
        over(backend, backend, new Backoff(sec(1), sec(10), 2, 0), sec(20)).run(id);

    assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.STILL_RUNNING_AT_DEADLINE);
    assertThat(time.sleeps()).containsExactly(sec(1), sec(2), sec(4), sec(8), sec(5));
    assertThat(backend.reads()).isEqualTo(5);
    assertThat(time.instant()).isEqualTo(start.plus(sec(20)));
  }

  @Test
  void aZeroTimeoutStopsOnceAndDoesNotWait() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, 1);

    Either<StopAndWaitFailure<Build>, Build> result = over(backend, backend, Backoff.defaults(), Duration.ZERO).run(id);

    assertThat(((StopAndWaitFailure.StillRunningAtDeadline<Build>) result.getLeft()).lastSeen()).isEqualTo(running);
    assertThat(time.sleeps()).isEmpty();
    assertThat(codeBuild.build(BuildId.parse(id).get()).orElseThrow().buildStatus())
        .as("the stop itself was made").contains(StatusType.STOPPED);
  }

  @Test
  void unavailableReadsAreRetriedUntilTheDeadlineKeepingTheLastBuildSeen() {
    SettlingLater settling = new SettlingLater(codeBuild, codeBuild, Integer.MAX_VALUE);
    BuildReader unavailable = failingReads(StopFailure.unavailable("connection reset"));

    Either<StopAndWaitFailure<Build>, Build> result =
        over(settling, unavailable, Backoff.fixed(sec(2)), sec(10)).run(id);

    assertThat(((StopAndWaitFailure.StillRunningAtDeadline<Build>) result.getLeft()).lastSeen()).isEqualTo(running);
    assertThat(time.sleeps()).hasSize(5);
  }

  @Test
  void aReadDeniedForGoodEndsTheWaitAtOnce() {
    SettlingLater settling = new SettlingLater(codeBuild, codeBuild, Integer.MAX_VALUE);
    BuildReader denied = failingReads(new StopFailure.AccessDenied("AccessDeniedException", "no"));

    Either<StopAndWaitFailure<Build>, Build> result = over(settling, denied, Backoff.fixed(sec(2)), sec(10)).run(id);

    assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure().code())
        .isEqualTo(StopFailure.Code.ACCESS_DENIED);
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void aStopThrottledUntilTheDeadlineFailsWithTheThrottling() {
    codeBuild.failNextCalls(1000, new StopFailure.Throttled("Rate exceeded"));

    Either<StopAndWaitFailure<Build>, Build> result =
        over(codeBuild, codeBuild, Backoff.fixed(sec(1)), sec(5)).run(id);

    assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure().code())
        .isEqualTo(StopFailure.Code.THROTTLED);
    // at 0, 1, 2, 3 and 4 s: none at the deadline, where a backend bounded by it could not send one
    assertThat(codeBuild.stopCalls()).hasSize(5);
    assertThat(time.totalSlept()).isEqualTo(sec(5));
  }

  @Test
  void aStopCutShortByTheDeadlineDoesNotHideTheThrottlingBeforeIt() {
    StopFailure throttled = new StopFailure.Throttled("Rate exceeded");
    AtomicInteger calls = new AtomicInteger();
    // throttled at 0, 1 and 2 s; the calls at 3 and 4 s end unavailable, as a call the deadline cuts short does
    BuildStopper throttledThenCut = buildId -> calls.incrementAndGet() <= 3
        ? Either.left(throttled)
        : Either.left(StopFailure.unavailable("the call ran into the deadline"));

    Either<StopAndWaitFailure<Build>, Build> result =
        over(throttledThenCut, codeBuild, Backoff.fixed(sec(1)), sec(5)).run(id);

    assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure()).isSameAs(throttled);
    assertThat(calls).hasValue(5);
  }

  @Test
  void aStopUnavailableUntilTheDeadlineFailsUnavailable() {
    StopFailure unavailable = StopFailure.unavailable("connection reset");

    Either<StopAndWaitFailure<Build>, Build> result =
        over(buildId -> Either.left(unavailable), codeBuild, Backoff.fixed(sec(1)), sec(5)).run(id);

    assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure()).isSameAs(unavailable);
  }

  @Test
  void aPortThatThrowsIsUnavailableNotAnException() {
    BuildStopper throwing = buildId -> {
      throw new IllegalStateException("boom");
    };

    Either<StopAndWaitFailure<Build>, Build> result = over(throwing, codeBuild, Backoff.fixed(sec(1)), sec(2)).run(id);

    StopFailure failure = ((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure();
    assertThat(failure.code()).isEqualTo(StopFailure.Code.UNAVAILABLE);
    assertThat(((StopFailure.Unavailable) failure).cause()).containsInstanceOf(IllegalStateException.class);
  }

  @Test
  void anInterruptedWaitFailsAndLeavesTheThreadInterrupted() {
    SettlingLater backend = new SettlingLater(codeBuild, codeBuild, Integer.MAX_VALUE);
    Sleeper interrupted = duration -> {
      throw new InterruptedException("cancelled");
    };

    Either<StopAndWaitFailure<Build>, Build> result = StopAndWait.with(backend, backend).clock(time).sleeper(interrupted)
        .run(id);

    assertThat(Thread.interrupted()).as("the interrupt flag, restored (and cleared here)").isTrue();
    StopFailure failure = ((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure();
    assertThat(((StopFailure.Unavailable) failure).cause()).containsInstanceOf(InterruptedException.class);
  }

  @Test
  void theStaticFunctionRefusesANullPortOrSettingBeforeCallingAnythingAsTheFactoriesAndSettersDo() {
    Backoff backoff = Backoff.defaults();
    SplittableRandom random = new SplittableRandom(7);

    assertThatNullPointerException()
        .isThrownBy(() -> StopAndWait.stopAndWait(null, codeBuild, id, sec(10), time, time, backoff, random))
        .withMessage("stopper");
    assertThatNullPointerException()
        .isThrownBy(() -> StopAndWait.stopAndWait(codeBuild, null, id, sec(10), time, time, backoff, random))
        .withMessage("reader");
    assertThatNullPointerException()
        .isThrownBy(() -> StopAndWait.stopAndWait(codeBuild, codeBuild, id, sec(10), null, time, backoff, random))
        .withMessage("clock");
    assertThatNullPointerException().isThrownBy(() -> StopAndWait.with(null, codeBuild)).withMessage("stopper");
    assertThatNullPointerException().isThrownBy(() -> StopAndWait.with(codeBuild, codeBuild).clock(null))
        .withMessage("clock");
    assertThat(codeBuild.stopCalls()).as("no stop was tried").isEmpty();
    assertThat(time.sleeps()).as("no retry was waited for").isEmpty();
  }

  @Test
  void theStaticFunctionAnswersANullIdWithInvalidInputAsRunDoes() {
    Either<StopAndWaitFailure<Build>, Build> result =
        StopAndWait.stopAndWait(codeBuild, codeBuild, null, sec(10), time, time, Backoff.defaults(),
            new SplittableRandom(7));

    assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure().code())
        .isEqualTo(StopFailure.Code.INVALID_INPUT);
    assertThat(over(codeBuild, codeBuild, Backoff.defaults(), sec(10)).run(null)).isEqualTo(result);
    assertThat(codeBuild.stopCalls()).isEmpty();
  }

  @Test
  void acceptsABuildArn() {
    Either<StopAndWaitFailure<Build>, Build> result =
        over(codeBuild, codeBuild, Backoff.defaults(), sec(10)).run(running.arn().orElseThrow());

    assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
  }

  private static BuildReader failingReads(StopFailure failure) {
    return new BuildReader() {
      @Override
      public Either<StopFailure, BatchGetBuildsResult> batchGetBuilds(List<String> ids) {
        return Either.left(failure);
      }

      @Override
      public Either<StopFailure, BuildIdPage> listBuildsForProject(String project, Optional<String> token) {
        return Either.left(failure);
      }
    };
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static Duration sec(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
