package io.buildstop.workflows.internal;

import io.buildstop.api.BuildEventSource;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.Backoff;
import io.buildstop.workflows.Sleeper;
import io.buildstop.workflows.StopAndWaitFailure;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;

/**
 * One run of stop-and-wait: the stop, retried while throttled or unavailable, then reads with backoff until the
 * build (or batch) is complete; no sleep reaches past the deadline.
 *
 * @param <T> {@code Build} or {@code BuildBatch}, as {@link StopPorts} says
 */
public final class Polling<T> {
  /** How a pause between two calls ended. */
  private sealed interface Pause permits Slept, DeadlinePassed, Broken {}

  /** It slept; a call may follow. */
  private record Slept() implements Pause {}

  /** The deadline had passed: no more calls. */
  private record DeadlinePassed() implements Pause {}

  /** The clock or the sleeper failed, or the wait was interrupted (the flag restored). */
  private record Broken(StopFailure failure) implements Pause {}

  private final StopPorts<T> ports;
  private final BuildId id;
  private final Instant deadline;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final RandomGenerator random;
  private final Optional<BuildEventSource> events;
  // the final state change's arrival while it may still end a pause early; empty without events, and once used
  private Optional<Future<?>> wakeUp = Optional.empty();
  private int attempt;

  /**
   * One run, for the build or batch {@code id} of {@code ports}, until {@code deadline}; with {@code events} (builds
   * only), a pause between two reads ends when the build's final state change arrives.
   */
  public Polling(StopPorts<T> ports, BuildId id, Instant deadline, Clock clock, Sleeper sleeper, Backoff backoff,
      RandomGenerator random, Optional<BuildEventSource> events) {
    this.ports = ports;
    this.id = id;
    this.deadline = deadline;
    this.clock = clock;
    this.sleeper = sleeper;
    this.backoff = backoff;
    this.random = random;
    this.events = events;
  }

  /**
   * Stops the build or batch, then polls it until complete, the deadline, or a failure for good; never throws. With
   * events, it subscribes before the stop, so the final state change cannot pass unseen, and unsubscribes at the end.
   */
  public Either<StopAndWaitFailure<T>, T> run() {
    if (events.isEmpty()) {
      return stopAndPoll();
    }
    FinalStateChange finalStateChange = new FinalStateChange(id);
    Either<StopFailure, BuildEventSource.Subscription> subscription =
        Retrying.guarded(() -> events.get().subscribe(finalStateChange));
    if (subscription.isLeft()) {
      // events only shorten the wait: without them, the polls find the complete build all the same
      return stopAndPoll();
    }
    wakeUp = Optional.of(finalStateChange.arrived());
    Either<StopAndWaitFailure<T>, T> result;
    Either<StopFailure, Boolean> ended;
    try {
      result = stopAndPoll();
    } finally {
      // ended however the wait ends, an Error included
      ended = Retrying.guarded(() -> {
        subscription.get().close();
        return Either.right(true);
      });
    }
    // the port promises that close does not throw; one that does is a failure like any other, reported as a value
    // rather than hidden, unless the wait failed already: as with try-with-resources, the first failure is the answer
    return ended.isLeft() && result.isRight() ? failed(ended.getLeft()) : result;
  }

  private Either<StopAndWaitFailure<T>, T> stopAndPoll() {
    Either<StopFailure, T> stopped = Retrying.guarded(() -> ports.stop(id));
    Optional<StopFailure> throttled = Optional.empty();
    while (stopped.isLeft()) {
      if (!Retrying.isTransient(stopped.getLeft())) {
        return failed(stopped.getLeft());
      }
      if (stopped.getLeft().code() == StopFailure.Code.THROTTLED) {
        throttled = Optional.of(stopped.getLeft());
      }
      Pause pause = pause(Optional.empty());
      if (pause instanceof Broken broken) {
        return failed(broken.failure());
      }
      if (pause instanceof DeadlinePassed || slept(pause) && !timeLeft()) {
        // no stop got through before the deadline: the last failure says why, but a call cut short by the deadline
        // does not hide the throttling before it. None is tried at the deadline, where a backend bounded by the
        // same deadline (AwsBuildStopper.Builder.deadline) could only refuse to send it
        return failed(throttled.orElse(stopped.getLeft()));
      }
      stopped = Retrying.guarded(() -> ports.stop(id));
    }
    return poll(stopped.get());
  }

  // spec §4.9: reads may show the running build for a while after the stop was accepted
  private Either<StopAndWaitFailure<T>, T> poll(T afterStop) {
    T lastSeen = afterStop;
    attempt = 0;
    while (!ports.isComplete(lastSeen)) {
      Pause pause = pause(wakeUp);
      if (pause instanceof Broken broken) {
        return failed(broken.failure());
      }
      if (pause instanceof DeadlinePassed) {
        return Either.left(new StopAndWaitFailure.StillRunningAtDeadline<>(lastSeen));
      }
      Either<StopFailure, List<T>> read = Retrying.guarded(() -> ports.read(List.of(id.value())));
      if (read.isLeft() && !Retrying.isTransient(read.getLeft())) {
        return failed(read.getLeft());
      }
      if (read.isRight()) {
        if (read.get().isEmpty()) {
          return failed(ports.notFound(id));
        }
        lastSeen = read.get().get(0);
      }
    }
    return Either.right(lastSeen);
  }

  private static boolean slept(Pause pause) {
    return pause instanceof Slept;
  }

  // whether the deadline is still ahead; a clock that fails leaves the decision to the next pause
  private boolean timeLeft() {
    Either<StopFailure, Instant> now = Retrying.guarded(() -> Either.right(clock.instant()));
    return now.isLeft() || now.get().isBefore(deadline);
  }

  /**
   * Sleeps the next backoff delay, cut short at the deadline or when {@code wake} is done; or says the deadline has
   * passed.
   */
  private Pause pause(Optional<Future<?>> wake) {
    Either<StopFailure, Instant> now = Retrying.guarded(() -> Either.right(clock.instant()));
    if (now.isLeft()) {
      return new Broken(now.getLeft());
    }
    Duration remaining = Duration.between(now.get(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      return new DeadlinePassed();
    }
    attempt++;
    Duration delay = backoff.delay(attempt, random);
    try {
      Duration sleep = delay.compareTo(remaining) < 0 ? delay : remaining;
      if (wake.isPresent()) {
        sleeper.sleep(sleep, wake.get());
        if (wake.get().isDone()) {
          // one early read for the one final state change: if reads lag behind it, the backoff paces them again
          wakeUp = Optional.empty();
        }
      } else {
        sleeper.sleep(sleep);
      }
    } catch (InterruptedException e) {
      return new Broken(Retrying.interrupted(e));
    } catch (RuntimeException e) {
      return new Broken(StopFailure.unavailable("the sleeper failed: " + e, e));
    }
    return new Slept();
  }

  private Either<StopAndWaitFailure<T>, T> failed(StopFailure failure) {
    return Either.left(new StopAndWaitFailure.Failed<>(failure));
  }
}
