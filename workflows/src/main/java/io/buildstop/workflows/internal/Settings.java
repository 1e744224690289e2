package io.buildstop.workflows.internal;

import io.buildstop.workflows.Backoff;
import io.buildstop.workflows.Sleeper;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How a multi-build workflow runs its stops: retries, concurrency, dry run. Immutable; each {@code with} returns a
 * copy.
 *
 * @param sleeper how to wait between retries
 * @param backoff how long
 * @param random the jitter's source
 * @param maxAttempts calls per stop (and per read) in all, at least 1
 * @param concurrency how many stops run at once, at least 1
 * @param dryRun read and report, stop nothing
 */
public record Settings(
    Sleeper sleeper, Backoff backoff, RandomGenerator random, int maxAttempts, int concurrency, boolean dryRun) {

  /** The default number of calls per stop: the first and four retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The default number of stops at once: well under CodeBuild's default StopBuild rate. */
  public static final int DEFAULT_CONCURRENCY = 4;

  /** Rejects nulls, fewer than one attempt and a concurrency below one. */
  public Settings {
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(random, "random");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
  }

  /** The thread's own sleep, {@link Backoff#defaults()}, 5 attempts, 4 at once, for real. */
  public static Settings defaults() {
    return new Settings(
        Sleeper.system(), Backoff.defaults(), threadLocalRandom(), DEFAULT_MAX_ATTEMPTS, DEFAULT_CONCURRENCY, false);
  }

  /** A generator that draws from the calling thread's {@link ThreadLocalRandom}, so any thread may use it. */
  public static RandomGenerator threadLocalRandom() {
    return () -> ThreadLocalRandom.current().nextLong();
  }

  /** The retry policy of each call. */
  public Retrying retrying() {
    return new Retrying(sleeper, backoff, random, maxAttempts);
  }

  /** A copy with another sleeper. */
  public Settings withSleeper(Sleeper value) {
    return new Settings(value, backoff, random, maxAttempts, concurrency, dryRun);
  }

  /** A copy with another backoff. */
  public Settings withBackoff(Backoff value) {
    return new Settings(sleeper, value, random, maxAttempts, concurrency, dryRun);
  }

  /** A copy with another jitter source. */
  public Settings withRandom(RandomGenerator value) {
    return new Settings(sleeper, backoff, value, maxAttempts, concurrency, dryRun);
  }

  /** A copy with another number of attempts. */
  public Settings withMaxAttempts(int value) {
    return new Settings(sleeper, backoff, random, value, concurrency, dryRun);
  }

  /** A copy with another concurrency. */
  public Settings withConcurrency(int value) {
    return new Settings(sleeper, backoff, random, maxAttempts, value, dryRun);
  }

  /** A copy that does or does not stop. */
  public Settings withDryRun(boolean value) {
    return new Settings(sleeper, backoff, random, maxAttempts, concurrency, value);
  }
}
