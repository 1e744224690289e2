package io.buildstop.workflows.internal;

import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.Backoff;
import io.buildstop.workflows.Sleeper;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Calls a port, retrying {@link StopFailure.Throttled} and {@link StopFailure.Unavailable} with backoff up to
 * {@code maxAttempts} calls in all. Never throws: a port that throws or answers null is {@code Unavailable}.
 *
 * @param sleeper how to wait between attempts
 * @param backoff how long
 * @param random the jitter's source, used under a lock so that it may be shared between threads
 * @param maxAttempts calls in all, at least 1
 */
public record Retrying(Sleeper sleeper, Backoff backoff, RandomGenerator random, int maxAttempts) {
  /** Rejects nulls and fewer than one attempt. */
  public Retrying {
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(random, "random");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** Whether retrying may help: the backend was busy or did not answer (StopBuild is idempotent, spec §4.4). */
  public static boolean isTransient(StopFailure failure) {
    return failure.code() == StopFailure.Code.THROTTLED || failure.code() == StopFailure.Code.UNAVAILABLE;
  }

  /** One call of a port, its misbehaviour (a throw, a null) turned into {@code Unavailable}. */
  public static <T> Either<StopFailure, T> guarded(Supplier<Either<StopFailure, T>> call) {
    try {
      Either<StopFailure, T> result = call.get();
      return result != null ? result : Either.left(StopFailure.unavailable("the backend answered null"));
    } catch (RuntimeException e) {
      // the ports promise not to throw; one that does must not abort a workflow
      return Either.left(StopFailure.unavailable("the backend failed: " + e, e));
    }
  }

  /** {@code Unavailable} for a wait that was interrupted; restores the thread's interrupt flag. */
  public static StopFailure interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    return StopFailure.unavailable("interrupted while waiting to retry", e);
  }

  /** The call's answer, retried while it fails transiently and attempts remain. */
  public <T> Either<StopFailure, T> call(Supplier<Either<StopFailure, T>> call) {
    Either<StopFailure, T> result = guarded(call);
    for (int attempt = 1; attempt < maxAttempts && result.isLeft() && isTransient(result.getLeft()); attempt++) {
      try {
        sleeper.sleep(delay(attempt));
      } catch (InterruptedException e) {
        return Either.left(interrupted(e));
      } catch (RuntimeException e) {
        return Either.left(StopFailure.unavailable("the sleeper failed: " + e, e));
      }
      result = guarded(call);
    }
    return result;
  }

  /** The jittered delay before retry {@code attempt}. */
  public Duration delay(int attempt) {
    synchronized (random) {
      return backoff.delay(attempt, random);
    }
  }
}
