package io.buildstop.memory;

import io.buildstop.api.EventSink;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An {@link EventSink} that keeps the newest build events it receives, for a test to assert on: register it with
 * {@link InMemoryCodeBuild#addEventListener(EventSink)} (or {@link InMemoryCodeBuild.Builder#eventListener}) and read
 * {@link #events()}, or wait for what a transition will emit with {@link #awaitEvents(Predicate, int, Duration)}.
 *
 * <p>A backend hands events over on its own thread, a moment after the transition: a test that has just stopped a
 * build awaits its events rather than reading them at once. Every wait is bounded and answers what arrived, never
 * throws on a timeout and never hangs: the assertion is the test's.
 *
 * <p>Holds at most {@code capacity} events, dropping the oldest beyond it. Thread-safe.
 */
public final class BuildEventRecorder implements EventSink {
  /** How many events a recorder keeps unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private final int capacity;
  private final ArrayDeque<BuildEvent> events = new ArrayDeque<>();
  private long received;

  private BuildEventRecorder(int capacity) {
    this.capacity = capacity;
  }

  /** An empty recorder of at most {@link #DEFAULT_CAPACITY} events. */
  public static BuildEventRecorder create() {
    return withCapacity(DEFAULT_CAPACITY);
  }

  /**
   * An empty recorder of at most {@code capacity} events.
   *
   * @throws IllegalArgumentException if below 1
   */
  public static BuildEventRecorder withCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    return new BuildEventRecorder(capacity);
  }

  @Override
  public synchronized void accept(BuildEvent event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(Objects.requireNonNull(event, "event"));
    received++;
    notifyAll();
  }

  /** The events held, oldest first: a snapshot. */
  public synchronized List<BuildEvent> events() {
    return List.copyOf(events);
  }

  /** The events held that {@code matching} accepts, oldest first: a snapshot. */
  public synchronized List<BuildEvent> events(Predicate<? super BuildEvent> matching) {
    return events.stream().filter(matching).collect(Collectors.toUnmodifiableList());
  }

  /** The state changes held, oldest first. */
  public List<BuildStateChange> stateChanges() {
    return events(BuildStateChange.class::isInstance).stream().map(BuildStateChange.class::cast).toList();
  }

  /** The phase changes held, oldest first. */
  public List<BuildPhaseChange> phaseChanges() {
    return events(BuildPhaseChange.class::isInstance).stream().map(BuildPhaseChange.class::cast).toList();
  }

  /** How many events were received since it was made or cleared, those it no longer holds too. */
  public synchronized long received() {
    return received;
  }

  /** Forgets every event held, and the count received. */
  public synchronized void clear() {
    events.clear();
    received = 0;
  }

  /**
   * Waits until {@code count} held events match {@code matching}, or {@code timeout} has passed.
   *
   * @return the matching events held then, oldest first: {@code count} or more when they arrived in time, fewer
   *     when not (the caller asserts on the number)
   */
  public synchronized List<BuildEvent> awaitEvents(Predicate<? super BuildEvent> matching, int count,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<BuildEvent> matched = events(matching);
    while (matched.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException interrupted) {
        // an interrupted test ends its wait with what it has, and keeps the interrupt for its runner
        Thread.currentThread().interrupt();
        break;
      }
      matched = events(matching);
    }
    return matched;
  }

  /**
   * Waits until {@code count} events are held, or {@code timeout} has passed.
   *
   * @return the events held then, oldest first
   */
  public List<BuildEvent> awaitEvents(int count, Duration timeout) {
    return awaitEvents(event -> true, count, timeout);
  }

  /**
   * The events of one build: those whose {@code resources} name this build ARN.
   *
   * @param buildArn the build's ARN, as a build's {@code arn()} gives it
   */
  public static Predicate<BuildEvent> ofBuild(String buildArn) {
    return event -> event.resources().contains(buildArn);
  }
}
