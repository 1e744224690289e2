package io.buildstop.junit5;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand: it stands still at its instant until {@link #advance} or {@link #set} moves it.
 * Inject it with {@link ClockMode#CONTROLLABLE}. Thread-safe; always in UTC.
 */
public final class TestClock extends Clock {
  private final Instant start;
  private final AtomicReference<Instant> now;

  /** A clock standing at {@code start}. */
  public TestClock(Instant start) {
    this.start = Objects.requireNonNull(start, "start");
    this.now = new AtomicReference<>(start);
  }

  /**
   * Moves the clock on by {@code step}.
   *
   * @return the instant it now shows
   * @throws IllegalArgumentException if {@code step} is negative: CodeBuild's time does not run backwards
   */
  public Instant advance(Duration step) {
    if (Objects.requireNonNull(step, "step").isNegative()) {
      throw new IllegalArgumentException("a clock moves forwards: " + step);
    }
    return now.updateAndGet(instant -> instant.plus(step));
  }

  /** Sets the clock to {@code instant}, forwards or back. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /** The instant the clock started at, where a reset puts it back. */
  public Instant start() {
    return start;
  }

  /** Puts the clock back to its start. */
  public void reset() {
    now.set(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** Always this clock: it is in UTC, and a copy in another zone could not be moved with it. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + "]";
  }
}
