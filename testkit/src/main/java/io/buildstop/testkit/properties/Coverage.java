package io.buildstop.testkit.properties;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what a property's generated cases were, so that a test can require that each interesting case was reached:
 * a property that never generates its interesting case proves nothing. Collect inside the property, check after the
 * run (a failed run is reported by the property itself):
 *
 * <pre>{@code
 * Coverage<BuildPhaseType> phases = Coverage.of("phase");
 * Property.tries(400).forAll(BuildGenerators.runningBuilds(), build -> phases.collect(build.currentPhase().get()));
 * phases.requireEach(BuildLifecycle.RUNNING_PHASES);
 * }</pre>
 *
 * <p>Counts include the runs made while shrinking; they are meant for runs that passed. Thread-safe.
 *
 * @param <T> what is counted
 */
public final class Coverage<T> {
  private final String label;
  private final Map<T, AtomicInteger> counts = new LinkedHashMap<>();
  private int total;

  private Coverage(String label) {
    this.label = label;
  }

  /** An empty count, named {@code label} in failure messages. */
  public static <T> Coverage<T> of(String label) {
    return new Coverage<>(label);
  }

  /** Counts {@code value} once and returns it. */
  public synchronized T collect(T value) {
    counts.computeIfAbsent(value, key -> new AtomicInteger()).incrementAndGet();
    total++;
    return value;
  }

  /** How many times each value was collected, in the order first seen. */
  public synchronized Map<T, Integer> counts() {
    Map<T, Integer> copy = new LinkedHashMap<>();
    counts.forEach((value, count) -> copy.put(value, count.get()));
    return copy;
  }

  /** How many values were collected in all. */
  public synchronized int total() {
    return total;
  }

  /**
   * Requires that every one of {@code expected} was collected at least once.
   *
   * @throws AssertionError naming the values never collected, and the counts
   */
  public synchronized Coverage<T> requireEach(Collection<? extends T> expected) {
    var missing = expected.stream().filter(value -> !counts.containsKey(value)).toList();
    if (!missing.isEmpty()) {
      throw new AssertionError(label + ": never generated " + missing + " in " + total + " cases; counts " + counts());
    }
    return this;
  }

  /**
   * Requires that {@code value} was at least {@code percent} % of the collected values.
   *
   * @throws AssertionError with the share measured and the counts
   */
  public synchronized Coverage<T> requirePercentage(T value, double percent) {
    int count = counts.containsKey(value) ? counts.get(value).get() : 0;
    double share = total == 0 ? 0 : 100.0 * count / total;
    if (share < percent) {
      throw new AssertionError(String.format("%s: %s was %.1f %% of %d cases, expected at least %.1f %%; counts %s",
          label, value, share, total, percent, counts()));
    }
    return this;
  }
}
