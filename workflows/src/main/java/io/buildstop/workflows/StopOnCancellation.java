package io.buildstop.workflows;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.workflows.internal.Settings;
import io.buildstop.workflows.internal.StopPorts;
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
 * <p>For a batch build, {@link #ofBatches} makes guards that stop the batch (StopBuildBatch, which stops its running
 * member builds with it) unless it is complete: {@code StopOnCancellation.ofBatches(batchStopper,
 * batchReader).guard(batchId)}.
 *
 * <p>Instances are immutable and thread-safe; each setter returns a copy. Nothing is null.
 */
public final class StopOnCancellation {
  private final StopPorts<?> ports;
  private final Settings settings;

  private StopOnCancellation(StopPorts<?> ports, Settings settings) {
    this.ports = ports;
    this.settings = settings;
  }

  /**
   * Guards over these ports: 5 attempts per call with {@link Backoff#defaults()}, the thread's own sleep, for real.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopOnCancellation of(BuildStopper stopper, BuildReader reader) {
    return new StopOnCancellation(StopPorts.builds(stopper, reader), Settings.defaults());
  }

  /**
   * Guards of build batches over these ports (BatchGetBuildBatches, StopBuildBatch), with the defaults of {@link
   * #of(BuildStopper, BuildReader)}; their {@link #guard(BuildId)} takes a batch id.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopOnCancellation ofBatches(BuildBatchStopper stopper, BuildBatchReader reader) {
    return new StopOnCancellation(StopPorts.batches(stopper, reader), Settings.defaults());
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
   * An armed guard for {@code buildId} (a batch id for guards {@link #ofBatches of batches}): closing it stops the
   * build or batch unless it is complete. Nothing is called yet.
   *
   * @throws NullPointerException if {@code buildId} is null
   */
  public BuildGuard guard(BuildId buildId) {
    return new BuildGuard(ports, Objects.requireNonNull(buildId, "buildId"), settings);
  }

  /** A copy whose guards, when {@code dryRun}, read and report {@link Outcome.WouldStop} but stop nothing. */
  public StopOnCancellation dryRun(boolean dryRun) {
    return new StopOnCancellation(ports, settings.withDryRun(dryRun));
  }

  /**
   * A copy whose guards call at most {@code maxAttempts} times per read or stop while throttled or unavailable.
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1
   */
  public StopOnCancellation maxAttempts(int maxAttempts) {
    return new StopOnCancellation(ports, settings.withMaxAttempts(maxAttempts));
  }

  /** A copy whose guards wait between retries as {@code backoff} says. */
  public StopOnCancellation backoff(Backoff backoff) {
    return new StopOnCancellation(ports, settings.withBackoff(backoff));
  }

  /** A copy whose guards wait with {@code sleeper}. */
  public StopOnCancellation sleeper(Sleeper sleeper) {
    return new StopOnCancellation(ports, settings.withSleeper(sleeper));
  }

  /** A copy whose guards draw jitter from {@code random}, under a lock. */
  public StopOnCancellation random(RandomGenerator random) {
    return new StopOnCancellation(ports, settings.withRandom(random));
  }
}
