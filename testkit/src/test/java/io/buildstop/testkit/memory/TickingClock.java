package io.buildstop.testkit.memory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock whose every read is a different, later instant: two stops that both made a transition would differ. */
final class TickingClock extends Clock {
  private final Instant origin;
  private final long millisPerRead;
  private final AtomicLong reads = new AtomicLong();

  TickingClock(Instant origin, long millisPerRead) {
    this.origin = origin;
    this.millisPerRead = millisPerRead;
  }

  @Override
  public Instant instant() {
    return origin.plusMillis(reads.incrementAndGet() * millisPerRead);
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
