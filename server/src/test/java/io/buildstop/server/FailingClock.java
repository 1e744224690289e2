package io.buildstop.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The system clock until armed; then every read throws what it was armed with (an Error, as a JVM out of memory
 * would, or a RuntimeException); disarmed with null.
 */
final class FailingClock extends Clock {
  private volatile Supplier<? extends Throwable> failure;

  void arm(Supplier<? extends Throwable> failure) {
    this.failure = failure;
  }

  @Override
  public Instant instant() {
    Supplier<? extends Throwable> armed = failure;
    if (armed != null) {
      Throwable thrown = armed.get();
      if (thrown instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) thrown;
    }
    return Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
