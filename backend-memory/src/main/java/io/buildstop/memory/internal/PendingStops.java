package io.buildstop.memory.internal;

import io.buildstop.domain.BuildId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Spec §4.9, asynchronous stops: with a stop latency, a stop is accepted at T but reads still show the running
 * build (or batch) until T + latency; it then settles exactly as the stop rule with T = the time of the stop call.
 * {@link #stop} and {@link #settle} run inside the owner's atomic update, so a pending stop and a racing transition
 * serialise on it; the queries ({@link #isPending}, {@link #pending}) are snapshots. One kind for builds
 * (StopBuild, {@code StopRules}) and one for batches (StopBuildBatch, {@code BatchStopRules}).
 *
 * @param <T> what is stopped: a {@code Build}, or a {@code BatchRun}
 */
public final class PendingStops<T> {
  private final Duration latency;
  private final BiFunction<T, Instant, T> stopRule;
  private final Predicate<T> stoppable;
  private final ConcurrentHashMap<BuildId, Instant> acceptedAt = new ConcurrentHashMap<>();

  /**
   * Stops by {@code stopRule} settle {@code latency} after they are accepted; {@link Duration#ZERO} stops at once.
   * Only what {@code stoppable} says is running has a stop pending.
   */
  public PendingStops(Duration latency, BiFunction<T, Instant, T> stopRule, Predicate<T> stoppable) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("stop latency must not be negative: " + latency);
    }
    this.latency = latency;
    this.stopRule = Objects.requireNonNull(stopRule, "stopRule");
    this.stoppable = Objects.requireNonNull(stoppable, "stoppable");
  }

  /** A stop at {@code at}: the stopped value at once, or, with a latency, the value as it still shows. */
  public T stop(BuildId id, T current, Instant at) {
    T settled = settle(id, current, at, false);
    if (latency.isZero()) {
      return stopRule.apply(settled, at);
    }
    if (stoppable.test(settled)) {
      acceptedAt.putIfAbsent(id, at);
    }
    return settled;
  }

  /**
   * The value with its pending stop applied if it is due at {@code now}, or whatever {@code now} if {@code force}:
   * a stop accepted first wins over a transition that comes later (spec §4.5).
   */
  public T settle(BuildId id, T current, Instant now, boolean force) {
    Instant stoppedAt = acceptedAt.get(id);
    if (stoppedAt == null || !force && now.isBefore(stoppedAt.plus(latency))) {
      return current;
    }
    acceptedAt.remove(id);
    return stopRule.apply(current, stoppedAt);
  }

  /** Forgets a pending stop, for a value replaced wholesale or removed. */
  public void forget(BuildId id) {
    acceptedAt.remove(id);
  }

  /** Whether a stop was accepted and has not settled yet. */
  public boolean isPending(BuildId id) {
    return acceptedAt.containsKey(id);
  }

  /** The ids with a stop accepted and not yet settled. */
  public Set<BuildId> pending() {
    return Set.copyOf(acceptedAt.keySet());
  }

  /** Forgets every pending stop. */
  public void clear() {
    acceptedAt.clear();
  }
}
