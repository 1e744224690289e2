package io.buildstop.memory;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lifecycle mode for an in-memory CodeBuild: every running build moves to its next phase once it has been in its
 * current one for the phase duration, and after FINALIZING completes as SUCCEEDED (the CodeBuild's {@link
 * InMemoryCodeBuild#advance}, one atomic step, so a concurrent StopBuild either lands first and the build stays
 * STOPPED, or lands after and stops the next phase). Builds are watched on a tick a quarter of the phase long (at
 * most a second); how long a build has been in a phase is measured on this lifecycle's own monotonic clock,
 * whatever clock the CodeBuild keeps. Complete builds are never looked at: a tick costs as much as there are
 * running builds.
 *
 * <p>Running batches move the same way ({@link InMemoryCodeBuild#advanceBuildBatch}): SUBMITTED, DOWNLOAD_BATCHSPEC,
 * then IN_PROGRESS, where their members run as builds and the batch settles from them.
 *
 * <p>It runs the same in-process and behind {@code buildstop serve}'s endpoint: the server starts one over its
 * CodeBuild when asked to, and so does the JUnit 5 extension, with or without an endpoint.
 */
public final class Lifecycle implements AutoCloseable {
  private final InMemoryCodeBuild codeBuild;
  private final long phaseNanos;
  private final Map<BuildId, Seen> seen = new ConcurrentHashMap<>();
  // batches apart from builds: a batch and a build may share an id (both are project:uuid)
  private final Map<BuildId, Seen> seenBatches = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;
  private final AtomicLong failedTicks = new AtomicLong();
  private final AtomicReference<RuntimeException> lastFailure = new AtomicReference<>();

  private record Seen(String phase, long sinceNanos) {}

  private Lifecycle(InMemoryCodeBuild codeBuild, Duration phaseDuration, String threadName) {
    this.codeBuild = Objects.requireNonNull(codeBuild, "codeBuild");
    Objects.requireNonNull(phaseDuration, "phaseDuration");
    if (phaseDuration.isNegative() || phaseDuration.isZero()) {
      throw new IllegalArgumentException("phaseDuration must be positive: " + phaseDuration);
    }
    this.phaseNanos = phaseDuration.toNanos();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts moving {@code codeBuild}'s running builds through their phases, each phase {@code phaseDuration} long,
   * on a daemon thread named {@code threadName}; {@link #close()} stops it.
   *
   * @throws IllegalArgumentException if {@code phaseDuration} is not positive
   */
  public static Lifecycle start(InMemoryCodeBuild codeBuild, Duration phaseDuration, String threadName) {
    Lifecycle lifecycle = new Lifecycle(codeBuild, phaseDuration, Objects.requireNonNull(threadName, "threadName"));
    long tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
        Math.min(lifecycle.phaseNanos / 4, TimeUnit.SECONDS.toNanos(1)));
    lifecycle.scheduler.scheduleWithFixedDelay(lifecycle::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    return lifecycle;
  }

  /** Ticks that failed: an exception from the CodeBuild, kept here and retried on the next tick. */
  public long failedTicks() {
    return failedTicks.get();
  }

  /** The exception of the last tick that failed, if one did. */
  public Optional<RuntimeException> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** Stops moving builds; idempotent. Builds stay as they are. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void tick() {
    // an exception escaping would cancel every later tick: it is counted and kept, and the next tick tries again
    try {
      Set<BuildId> running = new HashSet<>();
      for (Build build : codeBuild.runningBuilds()) {
        BuildId.parse(build.id().orElse(null)).forEach(id -> {
          running.add(id);
          step(id, build);
        });
      }
      seen.keySet().retainAll(running);
      Set<BuildId> runningBatches = new HashSet<>();
      for (BuildBatch batch : codeBuild.runningBuildBatches()) {
        BuildId.parse(batch.id().orElse(null)).forEach(id -> {
          runningBatches.add(id);
          stepBatch(id, batch);
        });
      }
      seenBatches.keySet().retainAll(runningBatches);
    } catch (RuntimeException e) {
      failedTicks.incrementAndGet();
      lastFailure.set(e);
    }
  }

  private void step(BuildId id, Build build) {
    long now = System.nanoTime();
    String phase = phaseOf(build);
    Seen before = seen.get(id);
    if (before == null || !before.phase().equals(phase)) {
      seen.put(id, new Seen(phase, now));
      return;
    }
    if (now - before.sinceNanos() < phaseNanos) {
      return;
    }
    codeBuild.advance(id.value()).forEach(advanced -> seen.put(id, new Seen(phaseOf(advanced), now)));
  }

  // a batch moves on as a build does; in IN_PROGRESS its step settles it from its members, which move as builds
  private void stepBatch(BuildId id, BuildBatch batch) {
    long now = System.nanoTime();
    String phase = batch.currentPhaseAsString().orElse("") + "#" + batch.phases().size();
    Seen before = seenBatches.get(id);
    if (before == null || !before.phase().equals(phase)) {
      seenBatches.put(id, new Seen(phase, now));
      return;
    }
    if (now - before.sinceNanos() < phaseNanos) {
      return;
    }
    codeBuild.advanceBuildBatch(id.value()).forEach(advanced -> seenBatches.put(id,
        new Seen(advanced.currentPhaseAsString().orElse("") + "#" + advanced.phases().size(), now)));
  }

  private static String phaseOf(Build build) {
    return build.currentPhaseAsString().orElse("") + "#" + build.phases().size();
  }
}
