package io.buildstop.workflows;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.workflows.internal.Settings;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * "I started this build, and my job may be cancelled": a {@link BuildGuard} stops the build when it is closed
 * before the build completed, and optionally when the JVM shuts down (SIGINT, SIGTERM), as CI actions do.
 *
 * <pre>{@code
 * try (BuildGuard guard = StopOnCancellation.guard(stopper, reader, buildId).stopOnShutdown()) {
 *   waitForTheBuild(guard.buildId());   // cancelled? an exception or a shutdown closes the guard
 * }                                      // complete by now: close() leaves it alone
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; each setter returns a copy. Nothing is null.
 */
public final class StopOnCancellation {
  private final BuildStopper stopper;
  private final BuildReader reader;
  private final Settings settings;

  private StopOnCancellation(BuildStopper stopper, BuildReader reader, Settings settings) {
    this.stopper = Objects.requireNonNull(stopper, "stopper");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.settings = settings;
  }

  /**
   * Guards over these ports: 5 attempts per call with {@link Backoff#defaults()}, the thread's own sleep, for real.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopOnCancellation of(BuildStopper stopper, BuildReader reader) {
    return new StopOnCancellation(stopper, reader, Settings.defaults());
  }

  /**
   * A guard for {@code buildId} with the default settings: {@code of(stopper, reader).guard(buildId)}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static BuildGuard guard(BuildStopper stopper, BuildReader reader, BuildId buildId) {
    return of(stopper, reader).guard(buildId);
  }

  /**
   * An armed guard for {@code buildId}: closing it stops the build unless it is complete. Nothing is called yet.
   *
   * @throws NullPointerException if {@code buildId} is null
   */
  public BuildGuard guard(BuildId buildId) {
    return new BuildGuard(stopper, reader, Objects.requireNonNull(buildId, "buildId"), settings);
  }

  /** A copy whose guards, when {@code dryRun}, read and report {@link Outcome.WouldStop} but stop nothing. */
  public StopOnCancellation dryRun(boolean dryRun) {
    return new StopOnCancellation(stopper, reader, settings.withDryRun(dryRun));
  }

  /**
   * A copy whose guards call at most {@code maxAttempts} times per read or stop while throttled or unavailable.
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1
   */
  public StopOnCancellation maxAttempts(int maxAttempts) {
    return new StopOnCancellation(stopper, reader, settings.withMaxAttempts(maxAttempts));
  }

  /** A copy whose guards wait between retries as {@code backoff} says. */
  public StopOnCancellation backoff(Backoff backoff) {
    return new StopOnCancellation(stopper, reader, settings.withBackoff(backoff));
  }

  /** A copy whose guards wait with {@code sleeper}. */
  public StopOnCancellation sleeper(Sleeper sleeper) {
    return new StopOnCancellation(stopper, reader, settings.withSleeper(sleeper));
  }

  /** A copy whose guards draw jitter from {@code random}, under a lock. */
  public StopOnCancellation random(RandomGenerator random) {
    return new StopOnCancellation(stopper, reader, settings.withRandom(random));
  }
}
