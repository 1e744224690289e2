package io.buildstop.memory.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spec §4.9, asynchronous stops: with a stop latency, StopBuild is accepted at T but reads still show the running
 * build until T + latency; the build then settles exactly as rule 4.2 with T = the time of the stop call.
 * {@link #stop} and {@link #settle} run inside the owning build's atomic update, so a pending stop and a racing
 * transition serialise on it; the queries ({@link #isPending}, {@link #pending}) are snapshots.
 */
public final class PendingStops {
  private final Duration latency;
  private final ConcurrentHashMap<BuildId, Instant> acceptedAt = new ConcurrentHashMap<>();

  /** Stops settle {@code latency} after they are accepted; {@link Duration#ZERO} stops at once. */
  public PendingStops(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("stop latency must not be negative: " + latency);
    }
    this.latency = latency;
  }

  /** A StopBuild at {@code at}: the stopped build at once, or, with a latency, the build as it still shows. */
  public Build stop(BuildId id, Build build, Instant at) {
    Build current = settle(id, build, at, false);
    if (latency.isZero()) {
      return StopRules.stop(current, at);
    }
    if (StopRules.isStoppable(current)) {
      acceptedAt.putIfAbsent(id, at);
    }
    return current;
  }

  /**
   * The build with its pending stop applied if it is due at {@code now}, or whatever {@code now} if {@code force}:
   * a stop accepted first wins over a transition that comes later (spec §4.5).
   */
  public Build settle(BuildId id, Build build, Instant now, boolean force) {
    Instant stoppedAt = acceptedAt.get(id);
    if (stoppedAt == null || !force && now.isBefore(stoppedAt.plus(latency))) {
      return build;
    }
    acceptedAt.remove(id);
    return StopRules.stop(build, stoppedAt);
  }

  /** Forgets a pending stop, for a build replaced wholesale. */
  public void forget(BuildId id) {
    acceptedAt.remove(id);
  }

  /** Whether a stop of this build was accepted and has not settled yet. */
  public boolean isPending(BuildId id) {
    return acceptedAt.containsKey(id);
  }

  /** The builds with a stop accepted and not yet settled. */
  public Set<BuildId> pending() {
    return Set.copyOf(acceptedAt.keySet());
  }

  /** Forgets every pending stop. */
  public void clear() {
    acceptedAt.clear();
  }
}
