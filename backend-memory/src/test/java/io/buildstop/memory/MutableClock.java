package io.buildstop.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand, and can make fail, so every instant a backend writes is known in advance. */
final class MutableClock extends Clock {
  private volatile Instant now;
  private volatile RuntimeException failure;

  MutableClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock on by {@code step}. */
  MutableClock advance(Duration step) {
    now = now.plus(step);
    return this;
  }

  /** Makes every later read throw {@code failure}, as a broken time source would. */
  void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  @Override
  public Instant instant() {
    RuntimeException failing = failure;
    if (failing != null) {
      throw failing;
    }
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock stays in UTC");
  }
}
