package io.buildstop.workflows;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a workflow waits between two calls: the only way the workflows pass time, so tests can inject one that
 * advances a fake {@link java.time.Clock} instead.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}; a zero or negative duration returns at once.
   *
   * @param duration how long; not null
   * @throws InterruptedException if the waiting thread is interrupted; the workflows then restore the thread's
   *     interrupt flag and return a failure value
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Waits for {@code duration}, or until {@code wakeUp} is done, whichever comes first: how a workflow that listens
   * for a build's events waits between two polls ({@link StopAndWait#with(io.buildstop.api.BuildStopper,
   * io.buildstop.api.BuildReader, io.buildstop.api.BuildEventSource)}). The default returns at once if {@code wakeUp}
   * is done and else sleeps the whole {@link #sleep(Duration)}, so a sleeper that cannot be woken (a fake one that
   * moves a fake clock) still paces the polls; {@link #system()} is woken.
   *
   * @param duration how long at most; not null
   * @param wakeUp what ends the wait early when it is done, however it ended; not null
   * @throws InterruptedException as {@link #sleep(Duration)}
   */
  default void sleep(Duration duration, Future<?> wakeUp) throws InterruptedException {
    if (!wakeUp.isDone()) {
      sleep(duration);
    }
  }

  /**
   * The thread's own sleep, as {@link Thread#sleep(long, int)}, which {@link #sleep(Duration, Future)} ends early;
   * waits longer than 292 years are cut short.
   */
  static Sleeper system() {
    return new Sleeper() {
      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (isOver(duration)) {
          return;
        }
        TimeUnit.NANOSECONDS.sleep(nanos(duration));
      }

      @Override
      public void sleep(Duration duration, Future<?> wakeUp) throws InterruptedException {
        if (isOver(duration) || wakeUp.isDone()) {
          return;
        }
        try {
          wakeUp.get(nanos(duration), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException | CancellationException done) {
          // the time is up, or wakeUp is done by failing or being cancelled: either way the wait is over
        }
      }

      private boolean isOver(Duration duration) {
        return duration.isNegative() || duration.isZero();
      }

      // Duration.toNanos() overflows past 292 years: no wait is worth that
      private long nanos(Duration duration) {
        return duration.compareTo(Duration.ofDays(365L * 292)) > 0 ? Long.MAX_VALUE : duration.toNanos();
      }
    };
  }
}
