package io.buildstop.workflows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

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

  /** The thread's own sleep, as {@link Thread#sleep(long, int)}; waits longer than 292 years are cut short. */
  static Sleeper system() {
    return duration -> {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      // Duration.toNanos() overflows past 292 years: no wait is worth that
      long nanos = duration.compareTo(Duration.ofDays(365L * 292)) > 0 ? Long.MAX_VALUE : duration.toNanos();
      TimeUnit.NANOSECONDS.sleep(nanos);
    };
  }
}
