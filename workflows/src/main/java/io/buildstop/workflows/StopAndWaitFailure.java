package io.buildstop.workflows;

import io.buildstop.domain.StopFailure;
import java.util.Objects;

/**
 * Why {@link StopAndWait} did not return a complete build or batch. Branch on {@link #code()} with a {@code switch}
 * expression; every member is non-null.
 *
 * @param <T> what was stopped: {@code Build}, or {@code BuildBatch}
 */
public sealed interface StopAndWaitFailure<T>
    permits StopAndWaitFailure.Failed, StopAndWaitFailure.StillRunningAtDeadline {

  /** The cases, for exhaustive {@code switch} expressions. */
  enum Code {
    /** The stop or a read failed for good, or the wait was interrupted. */
    FAILED,
    /** The stop was accepted, but the build had not completed when the deadline came. */
    STILL_RUNNING_AT_DEADLINE
  }

  /** Which case this is; never null. */
  Code code();

  /**
   * The stop or a read failed for good: {@link StopFailure.InvalidInput}, {@link StopFailure.ResourceNotFound} or
   * {@link StopFailure.AccessDenied} at once; {@link StopFailure.Throttled} or {@link StopFailure.Unavailable} when
   * the stop itself kept failing until the deadline. An interrupted wait is an {@code Unavailable} whose cause is
   * the {@link InterruptedException}, and the thread's interrupt flag is set again.
   *
   * @param failure why
   */
  record Failed<T>(StopFailure failure) implements StopAndWaitFailure<T> {
    /** Rejects null. */
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public Code code() {
      return Code.FAILED;
    }
  }

  /**
   * The stop was accepted, and the build still showed it was not complete at the deadline (a backend that
   * finalises asynchronously, spec §4.9). Waiting again is safe: stopping twice is a no-op (§4.4).
   *
   * @param lastSeen the last build (or batch) read, or the stop's answer if no read succeeded
   */
  record StillRunningAtDeadline<T>(T lastSeen) implements StopAndWaitFailure<T> {
    /** Rejects null. */
    public StillRunningAtDeadline {
      Objects.requireNonNull(lastSeen, "lastSeen");
    }

    @Override
    public Code code() {
      return Code.STILL_RUNNING_AT_DEADLINE;
    }
  }
}
