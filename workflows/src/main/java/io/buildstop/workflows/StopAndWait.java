package io.buildstop.workflows;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildEventSource;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.workflows.internal.Polling;
import io.buildstop.workflows.internal.Retrying;
import io.buildstop.workflows.internal.Settings;
import io.buildstop.workflows.internal.StopPorts;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Stops a build, then polls it until it is complete: CodeBuild has no waiter for builds (spec §1), and a backend may
 * finalise a stop after StopBuild returned (§4.9). The same for a build batch: StopBuildBatch, then
 * BatchGetBuildBatches until the batch is complete.
 *
 * <p>Use the static {@link #stopAndWait} function, or configure a reusable instance: {@code
 * StopAndWait.with(stopper, reader).timeout(Duration.ofMinutes(10)).run(id)}, or for a batch {@code
 * StopAndWait.withBatches(batchStopper, batchReader).run(batchId)}; where the backend emits build events, {@code
 * StopAndWait.with(stopper, reader, eventSource)} ends the wait on the build's final state change. Instances are
 * immutable and thread-safe; each setter returns a copy. Nothing is null: a null port or setting is refused with a
 * {@link NullPointerException} where it is given, by the factories, the setters and {@link #stopAndWait} alike.
 * Nothing throws out of {@code run}: what goes wrong on the way is a {@link StopAndWaitFailure}.
 *
 * @param <T> what it stops: {@link Build}, or {@link BuildBatch}
 */
public final class StopAndWait<T> {
  /** The default timeout: ten minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final StopPorts<T> ports;
  private final Duration timeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final RandomGenerator random;
  private final Optional<BuildEventSource> events;

  private StopAndWait(StopPorts<T> ports, Duration timeout, Clock clock, Sleeper sleeper, Backoff backoff,
      RandomGenerator random, Optional<BuildEventSource> events) {
    this.ports = ports;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.random = Objects.requireNonNull(random, "random");
    this.events = events;
  }

  /**
   * Stop-and-wait for builds over these ports: timeout {@link #DEFAULT_TIMEOUT}, the system UTC clock, the thread's
   * own sleep, {@link Backoff#defaults()}.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopAndWait<Build> with(BuildStopper stopper, BuildReader reader) {
    return withDefaults(StopPorts.builds(stopper, reader), Optional.empty());
  }

  /**
   * Stop-and-wait for builds that also listens to the backend's build events, with the defaults of {@link
   * #with(BuildStopper, BuildReader)}: it subscribes to {@code events} before the stop, and when the stop did not
   * complete the build, the build's final "CodeBuild Build State Change" (its ARN, a {@code build-status} other than
   * IN_PROGRESS) ends the pause before the next read, so the wait ends as soon as the backend reports the change.
   * The answer is the read's, the same build the polls would have found. Events only shorten the wait: the reads go
   * on at the backoff's pace, so a lost or dropped event, or a source that cannot subscribe, costs time and nothing
   * else; the deadline holds as without events. The subscription is closed when {@code run} returns. Builds only:
   * CodeBuild sends no build batch events that buildstop models.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopAndWait<Build> with(BuildStopper stopper, BuildReader reader, BuildEventSource events) {
    return withDefaults(StopPorts.builds(stopper, reader), Optional.of(Objects.requireNonNull(events, "events")));
  }

  /**
   * Stop-and-wait for build batches over these ports (StopBuildBatch, BatchGetBuildBatches), with the defaults of
   * {@link #with(BuildStopper, BuildReader)}. The batch's running member builds stop with it, at its instant; a
   * batch is complete when {@code complete} is true or it is in a final-status phase.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopAndWait<BuildBatch> withBatches(BuildBatchStopper stopper, BuildBatchReader reader) {
    return withDefaults(StopPorts.batches(stopper, reader), Optional.empty());
  }

  private static <T> StopAndWait<T> withDefaults(StopPorts<T> ports, Optional<BuildEventSource> events) {
    return new StopAndWait<>(ports, DEFAULT_TIMEOUT, Clock.systemUTC(), Sleeper.system(), Backoff.defaults(),
        Settings.threadLocalRandom(), events);
  }

  /**
   * A copy that waits at most {@code timeout}, sleeps included.
   *
   * @throws IllegalArgumentException if the timeout is negative
   */
  public StopAndWait<T> timeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    return new StopAndWait<>(ports, timeout, clock, sleeper, backoff, random, events);
  }

  /** A copy that reads the time, and so the deadline, from {@code clock}. */
  public StopAndWait<T> clock(Clock clock) {
    return new StopAndWait<>(ports, timeout, clock, sleeper, backoff, random, events);
  }

  /** A copy that waits between polls with {@code sleeper}. */
  public StopAndWait<T> sleeper(Sleeper sleeper) {
    return new StopAndWait<>(ports, timeout, clock, sleeper, backoff, random, events);
  }

  /** A copy that spaces its polls and retries with {@code backoff}. */
  public StopAndWait<T> backoff(Backoff backoff) {
    return new StopAndWait<>(ports, timeout, clock, sleeper, backoff, random, events);
  }

  /** A copy that draws its jitter from {@code random}, which it uses from the calling thread only. */
  public StopAndWait<T> random(RandomGenerator random) {
    return new StopAndWait<>(ports, timeout, clock, sleeper, backoff, random, events);
  }

  /**
   * Stops the build (or batch) and waits until it is complete, as {@link #stopAndWait} with this instance's settings.
   *
   * @param id a build id or build ARN; for batches, a batch id or build batch ARN
   * @return the complete build or batch, or why there is none; never null, never throws
   */
  public Either<StopAndWaitFailure<T>, T> run(String id) {
    return run(ports, id, timeout, clock, sleeper, backoff, random, events);
  }

  /**
   * Stops the build, then reads it with backoff until it is complete ({@code buildComplete}, or phase COMPLETED).
   *
   * <p>The deadline is {@code clock}'s instant at the call plus {@code timeout}, and it bounds everything: no sleep
   * reaches past it, and a last read happens at it. A throttled or unavailable stop is retried until the deadline
   * (not at it: a backend whose calls end by the same deadline could not send it), and so is a throttled or
   * unavailable read. Bound the calls themselves by the deadline too (for the AWS backend, {@code
   * AwsBuildStopper.Builder.deadline}), or a call that hangs outlasts the timeout. A batch is waited for in the same
   * way ({@link #withBatches}).
   *
   * @param id a build id or build ARN (spec §4.8)
   * @param timeout how long to wait in all; a negative one counts as zero (one stop, no poll)
   * @return {@code Right}: the complete build: STOPPED, or its own final status if it had completed (§4.3).
   *     {@code Left}: {@link StopAndWaitFailure.StillRunningAtDeadline} with the last build seen, or {@link
   *     StopAndWaitFailure.Failed} with the failure that ended the wait (invalid id, a null one included, not found,
   *     access denied, a stop still throttled or unavailable at the deadline, an interrupted wait, a port that
   *     threw). Never null; nothing the ports or the wait do throws out of it.
   * @throws NullPointerException if a port or a setting ({@code timeout}, {@code clock}, {@code sleeper}, {@code
   *     backoff}, {@code random}) is null: a programming error, refused before anything is called, as {@link
   *     #with(BuildStopper, BuildReader)} and the setters refuse it, not a failure of CodeBuild to retry until the
   *     deadline
   */
  public static Either<StopAndWaitFailure<Build>, Build> stopAndWait(BuildStopper stopper, BuildReader reader,
      String id, Duration timeout, Clock clock, Sleeper sleeper, Backoff backoff, RandomGenerator random) {
    // through the constructor, so the function and an instance's run refuse the same nulls in the same words
    return new StopAndWait<>(StopPorts.builds(stopper, reader), timeout, clock, sleeper, backoff, random,
        Optional.empty()).run(id);
  }

  private static <T> Either<StopAndWaitFailure<T>, T> run(StopPorts<T> ports, String id, Duration timeout,
      Clock clock, Sleeper sleeper, Backoff backoff, RandomGenerator random, Optional<BuildEventSource> events) {
    Either<StopFailure, BuildId> parsed = ports.parse(id);
    if (parsed.isLeft()) {
      return Either.left(new StopAndWaitFailure.Failed<>(parsed.getLeft()));
    }
    Either<StopFailure, Instant> start = Retrying.guarded(() -> Either.right(clock.instant()));
    if (start.isLeft()) {
      return Either.left(new StopAndWaitFailure.Failed<>(start.getLeft()));
    }
    Instant deadline;
    try {
      deadline = start.get().plus(timeout.isNegative() ? Duration.ZERO : timeout);
    } catch (DateTimeException | ArithmeticException beyondTime) {
      // a timeout past the end of time means no deadline
      deadline = Instant.MAX;
    }
    return new Polling<>(ports, parsed.get(), deadline, clock, sleeper, backoff, random, events).run();
  }
}
