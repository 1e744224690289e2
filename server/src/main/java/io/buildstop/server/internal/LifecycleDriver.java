package io.buildstop.server.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lifecycle mode: every running build moves to its next phase once it has been in its current one for the phase
 * duration, and after FINALIZING completes as SUCCEEDED (the backend's {@code advance}, one atomic step, so a
 * concurrent StopBuild either lands first and the build stays STOPPED, or lands after and stops the next phase).
 * Builds are watched on a tick a quarter of the phase long; how long a build has been in a phase is measured on
 * this driver's own monotonic clock, whatever clock the backend keeps. Complete builds are left alone, and never
 * looked at: a tick costs as much as there are running builds.
 */
public final class LifecycleDriver implements AutoCloseable {
  private final InMemoryCodeBuild backend;
  private final long phaseNanos;
  private final Map<BuildId, Seen> seen = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  private record Seen(String phase, long sinceNanos) {}

  /** A driver of {@code backend}'s builds. Not started. */
  public LifecycleDriver(InMemoryCodeBuild backend, Duration phaseDuration, String threadName) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.phaseNanos = phaseDuration.toNanos();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts watching; returns this driver. */
  public LifecycleDriver start() {
    long tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(phaseNanos / 4, TimeUnit.SECONDS.toNanos(1)));
    scheduler.scheduleWithFixedDelay(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    return this;
  }

  /** Stops watching; idempotent. Builds stay as they are. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void tick() {
    // an exception would cancel every later tick: a failed step is retried on the next one
    try {
      Set<BuildId> running = new HashSet<>();
      // only the running builds: a store of a million complete builds costs an idle tick nothing
      for (Build build : backend.runningBuilds()) {
        BuildId.parse(build.id().orElse(null)).forEach(id -> {
          running.add(id);
          step(id, build);
        });
      }
      seen.keySet().retainAll(running);
    } catch (RuntimeException e) {
      // nothing to report to: the next tick tries again
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
    backend.advance(id.value()).forEach(advanced -> seen.put(id, new Seen(phaseOf(advanced), now)));
  }

  private static String phaseOf(Build build) {
    return build.currentPhaseAsString().orElse("") + "#" + build.phases().size();
  }
}
