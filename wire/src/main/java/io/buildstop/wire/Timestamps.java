package io.buildstop.wire;

import io.buildstop.wire.internal.EpochSeconds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** CodeBuild's timestamps on the wire, for shapes outside the codecs (a project's {@code created}, say). */
public final class Timestamps {
  private Timestamps() {}

  /**
   * The instant as AWS prints it: epoch seconds, as many fraction digits as the instant needs and no trailing zeros
   * ({@code 1556906973.75}, {@code 1556906956}); the codecs write every timestamp this way.
   *
   * @throws NullPointerException if {@code instant} is null
   */
  public static BigDecimal epochSeconds(Instant instant) {
    return EpochSeconds.of(Objects.requireNonNull(instant, "instant"));
  }
}
