package io.buildstop.workflows.internal;

import io.buildstop.workflows.Backoff;
import io.buildstop.workflows.Sleeper;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.immutables.value.Value;

/**
 * How a multi-build workflow runs its stops: retries, concurrency, dry run. Immutable: Immutables generates the
 * value and its {@code with*} copies, and {@link #check()} keeps every copy valid.
 */
@Value.Immutable
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true)
public abstract class Settings implements WithSettings {

  /** The default number of calls per stop: the first and four retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The default number of stops at once: well under CodeBuild's default StopBuild rate. */
  public static final int DEFAULT_CONCURRENCY = 4;

  Settings() {}

  /** How to wait between retries. */
  public abstract Sleeper sleeper();

  /** How long to wait between retries. */
  public abstract Backoff backoff();

  /** The jitter's source. */
  public abstract RandomGenerator random();

  /** Calls per stop (and per read) in all, at least 1. */
  public abstract int maxAttempts();

  /** How many stops run at once, at least 1. */
  public abstract int concurrency();

  /** Read and report, stop nothing. */
  public abstract boolean dryRun();

  /** Rejects fewer than one attempt and a concurrency below one, in every copy. */
  @Value.Check
  protected void check() {
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts());
    }
    if (concurrency() < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency());
    }
  }

  /** The thread's own sleep, {@link Backoff#defaults()}, 5 attempts, 4 at once, for real. */
  public static Settings defaults() {
    return ImmutableSettings.builder()
        .sleeper(Sleeper.system())
        .backoff(Backoff.defaults())
        .random(threadLocalRandom())
        .maxAttempts(DEFAULT_MAX_ATTEMPTS)
        .concurrency(DEFAULT_CONCURRENCY)
        .dryRun(false)
        .build();
  }

  /** A generator that draws from the calling thread's {@link ThreadLocalRandom}, so any thread may use it. */
  public static RandomGenerator threadLocalRandom() {
    return () -> ThreadLocalRandom.current().nextLong();
  }

  /** The retry policy of each call. */
  public Retrying retrying() {
    return new Retrying(sleeper(), backoff(), random(), maxAttempts());
  }
}
