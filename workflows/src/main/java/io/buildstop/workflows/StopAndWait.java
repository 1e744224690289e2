package io.buildstop.workflows;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.workflows.internal.Polling;
import io.buildstop.workflows.internal.Retrying;
import io.buildstop.workflows.internal.Settings;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Stops a build, then polls it until it is complete: CodeBuild has no waiter for builds (spec §1), and a backend may
 * finalise a stop after StopBuild returned (§4.9).
 *
 * <p>Use the static {@link #stopAndWait} function, or configure a reusable instance: {@code
 * StopAndWait.with(stopper, reader).timeout(Duration.ofMinutes(10)).run(id)}. Instances are immutable and
 * thread-safe; each setter returns a copy. Nothing is null, and nothing throws out of {@code run}.
 */
public final class StopAndWait {
  /** The default timeout: ten minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final BuildStopper stopper;
  private final BuildReader reader;
  private final Duration timeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final RandomGenerator random;

  private StopAndWait(BuildStopper stopper, BuildReader reader, Duration timeout, Clock clock, Sleeper sleeper,
      Backoff backoff, RandomGenerator random) {
    this.stopper = Objects.requireNonNull(stopper, "stopper");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Stop-and-wait over these ports: timeout {@link #DEFAULT_TIMEOUT}, the system UTC clock, the thread's own
   * sleep, {@link Backoff#defaults()}.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopAndWait with(BuildStopper stopper, BuildReader reader) {
    return new StopAndWait(stopper, reader, DEFAULT_TIMEOUT, Clock.systemUTC(), Sleeper.system(), Backoff.defaults(),
        Settings.threadLocalRandom());
  }

  /**
   * A copy that waits at most {@code timeout}, sleeps included.
   *
   * @throws IllegalArgumentException if the timeout is negative
   */
  public StopAndWait timeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    return new StopAndWait(stopper, reader, timeout, clock, sleeper, backoff, random);
  }

  /** A copy that reads the time, and so the deadline, from {@code clock}. */
  public StopAndWait clock(Clock clock) {
    return new StopAndWait(stopper, reader, timeout, clock, sleeper, backoff, random);
  }

  /** A copy that waits between polls with {@code sleeper}. */
  public StopAndWait sleeper(Sleeper sleeper) {
    return new StopAndWait(stopper, reader, timeout, clock, sleeper, backoff, random);
  }

  /** A copy that spaces its polls and retries with {@code backoff}. */
  public StopAndWait backoff(Backoff backoff) {
    return new StopAndWait(stopper, reader, timeout, clock, sleeper, backoff, random);
  }

  /** A copy that draws its jitter from {@code random}, which it uses from the calling thread only. */
  public StopAndWait random(RandomGenerator random) {
    return new StopAndWait(stopper, reader, timeout, clock, sleeper, backoff, random);
  }

  /**
   * Stops the build and waits until it is complete, as {@link #stopAndWait} with this instance's settings.
   *
   * @param id a build id or build ARN
   * @return the complete build, or why there is none; never null, never throws
   */
  public Either<StopAndWaitFailure, Build> run(String id) {
    return stopAndWait(stopper, reader, id, timeout, clock, sleeper, backoff, random);
  }

  /**
   * Stops the build, then reads it with backoff until it is complete ({@code buildComplete}, or phase COMPLETED).
   *
   * <p>The deadline is {@code clock}'s instant at the call plus {@code timeout}, and it bounds everything: no sleep
   * reaches past it, and a last read happens at it. A throttled or unavailable stop is retried until the deadline
   * (not at it: a backend whose calls end by the same deadline could not send it), and so is a throttled or
   * unavailable read. Bound the calls themselves by the deadline too (for the AWS backend, {@code
   * AwsBuildStopper.Builder.deadline}), or a call that hangs outlasts the timeout.
   *
   * @param id a build id or build ARN (spec §4.8)
   * @param timeout how long to wait in all; a negative one counts as zero (one stop, no poll)
   * @return {@code Right}: the complete build: STOPPED, or its own final status if it had completed (§4.3).
   *     {@code Left}: {@link StopAndWaitFailure.StillRunningAtDeadline} with the last build seen, or {@link
   *     StopAndWaitFailure.Failed} with the failure that ended the wait (invalid id, not found, access denied, a
   *     stop still throttled or unavailable at the deadline, an interrupted wait). Never null, never throws.
   */
  public static Either<StopAndWaitFailure, Build> stopAndWait(BuildStopper stopper, BuildReader reader, String id,
      Duration timeout, Clock clock, Sleeper sleeper, Backoff backoff, RandomGenerator random) {
    Either<StopFailure, BuildId> parsed = BuildId.parse(id);
    if (parsed.isLeft()) {
      return Either.left(new StopAndWaitFailure.Failed(parsed.getLeft()));
    }
    Either<StopFailure, Instant> start = Retrying.guarded(() -> Either.right(clock.instant()));
    if (start.isLeft()) {
      return Either.left(new StopAndWaitFailure.Failed(start.getLeft()));
    }
    Instant deadline;
    try {
      deadline = start.get().plus(timeout.isNegative() ? Duration.ZERO : timeout);
    } catch (DateTimeException | ArithmeticException beyondTime) {
      // a timeout past the end of time means no deadline
      deadline = Instant.MAX;
    }
    return new Polling(stopper, reader, parsed.get(), deadline, clock, sleeper, backoff, random).run();
  }
}
