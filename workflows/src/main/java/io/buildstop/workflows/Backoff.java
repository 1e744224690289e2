package io.buildstop.workflows;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: how long to wait before retry number {@code attempt}.
 *
 * <p>The base delay is {@code initial × multiplier^(attempt − 1)}, capped at {@code max}. Jitter spreads it
 * uniformly over {@code base × (1 ± jitter)}, and the result is capped at {@code max} again: a delay is never
 * negative and never longer than {@code max}. A jitter of 0 gives exact delays; 1 spreads them over
 * {@code [0, 2 × base]}, so that many clients throttled together do not retry together.
 *
 * @param initial the delay before the first retry; zero or positive
 * @param max the longest delay; not shorter than {@code initial}
 * @param multiplier how much each delay grows over the previous one; 1 or more
 * @param jitter the fraction of the base delay that is randomised, from 0 to 1
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

  /**
   * Checks the parameters; a backoff that breaks them cannot exist.
   *
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException if {@code initial} is negative, {@code max} is shorter than {@code initial},
   *     {@code multiplier} is below 1 or {@code jitter} lies outside [0, 1] (NaN included)
   */
  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative()) {
      throw new IllegalArgumentException("initial must not be negative: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max " + max + " is shorter than initial " + initial);
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number of at least 1: " + multiplier);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must lie in [0, 1]: " + jitter);
    }
  }

  /** 200 ms, doubling up to 10 s, ±20% jitter: a CodeBuild client's usual pace under throttling. */
  public static Backoff defaults() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), 2, 0.2);
  }

  /** The same delay before every retry, without jitter: for tests and for fixed-rate polling. */
  public static Backoff fixed(Duration delay) {
    return new Backoff(delay, delay, 1, 0);
  }

  /** The delay before retry {@code attempt}, unjittered: {@code min(max, initial × multiplier^(attempt − 1))}. */
  public Duration baseDelay(int attempt) {
    return Duration.ofNanos((long) baseNanos(attempt));
  }

  /**
   * The delay before retry {@code attempt}, jittered with {@code random}.
   *
   * @param attempt 1 for the first retry, 2 for the second...; values below 1 count as 1
   * @param random the source of jitter; read once
   * @return a delay from {@code baseDelay × (1 − jitter)} to {@code min(max, baseDelay × (1 + jitter))}; never null
   */
  public Duration delay(int attempt, RandomGenerator random) {
    double base = baseNanos(attempt);
    double spread = jitter == 0 ? 0 : jitter * (2 * random.nextDouble() - 1);
    double jittered = Math.max(0, Math.min(base * (1 + spread), nanos(max)));
    return Duration.ofNanos((long) jittered);
  }

  // in double nanoseconds: multiplier^attempt overflows long long before it overflows double, and min caps it
  private double baseNanos(int attempt) {
    double grown = nanos(initial) * Math.pow(multiplier, Math.max(0, attempt - 1));
    return Math.min(grown, nanos(max));
  }

  // Duration.toNanos() throws past 292 years; a double does not, and (long) saturates on the way back
  private static double nanos(Duration duration) {
    return duration.getSeconds() * 1e9 + duration.getNano();
  }
}
