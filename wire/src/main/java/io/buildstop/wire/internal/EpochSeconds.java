package io.buildstop.wire.internal;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * CodeBuild's timestamps: epoch seconds with a decimal fraction on the wire, {@link Instant} in the model.
 * Not an API.
 */
public final class EpochSeconds {

  private static final BigDecimal EARLIEST = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
  private static final BigDecimal AFTER_LATEST = BigDecimal.valueOf(Instant.MAX.getEpochSecond()).add(BigDecimal.ONE);
  private static final int NANOS_SCALE = 9;

  private EpochSeconds() {}

  /**
   * The instant as AWS prints it: epoch seconds, as many fraction digits as the instant needs and no trailing zeros
   * ({@code 1556906973.75}, {@code 1556906956}).
   */
  public static BigDecimal of(Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), NANOS_SCALE))
        .stripTrailingZeros();
    // stripTrailingZeros turns 1556906950 into 1.55690695E+9; the wire wants the plain integer
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }

  /** The longest text {@link #plain} writes: a sign, Instant.MIN's 17 digits of seconds, a point and 9 digits. */
  static final int LONGEST_PLAIN = 28;
  private static final int NANOS_PER_SECOND = 1_000_000_000;

  /**
   * Writes {@code of(instant).toPlainString()} into {@code to} from index 0, without a {@code BigDecimal}, and
   * returns its length; {@code to} holds at least {@link #LONGEST_PLAIN} chars.
   */
  static int plain(Instant instant, char[] to) {
    long seconds = instant.getEpochSecond();
    int nanos = instant.getNano();
    int at = 0;
    long whole = seconds;
    int fraction = nanos;
    if (seconds < 0) {
      // the instant is seconds + nanos / 1e9, so -1 s and 0.5e9 ns is -0.5: one whole second less, the rest as fraction
      to[at++] = '-';
      whole = nanos == 0 ? -seconds : -(seconds + 1);
      fraction = nanos == 0 ? 0 : NANOS_PER_SECOND - nanos;
    }
    at = digits(whole, to, at);
    if (fraction == 0) {
      return at;
    }
    to[at++] = '.';
    int width = NANOS_SCALE;
    while (fraction % 10 == 0) {
      fraction /= 10;
      width--;
    }
    for (int i = at + width - 1; i >= at; i--) {
      to[i] = (char) ('0' + fraction % 10);
      fraction /= 10;
    }
    return at + width;
  }

  private static int digits(long value, char[] to, int at) {
    int length = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      length++;
    }
    long rest = value;
    for (int i = at + length - 1; i >= at; i--) {
      to[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return at + length;
  }

  /**
   * The instant {@code seconds} after the epoch, exactly; a problem when it falls outside {@link Instant}'s range or
   * is more precise than a nanosecond, which an {@link Instant} cannot hold.
   */
  public static Either<String, Instant> toInstant(BigDecimal seconds) {
    // compareTo looks at magnitudes first, so even 1e999999999 is rejected without being expanded
    if (seconds.compareTo(EARLIEST) < 0 || seconds.compareTo(AFTER_LATEST) >= 0) {
      return Either.left("expected epoch seconds within the range of java.time.Instant, found "
          + Found.number(seconds));
    }
    BigDecimal exact = seconds.stripTrailingZeros();
    if (exact.scale() > NANOS_SCALE) {
      return Either.left("expected epoch seconds with at most nanosecond precision, found " + Found.number(seconds));
    }
    BigDecimal whole = exact.setScale(0, RoundingMode.FLOOR);
    int nanos = exact.subtract(whole).movePointRight(NANOS_SCALE).intValueExact();
    return Either.right(Instant.ofEpochSecond(whole.longValueExact(), nanos));
  }

  /**
   * The instant an ISO-8601 date-time with an offset names ({@code 2020-10-21T17:51:38.161000+00:00}, or with
   * {@code Z}), as some servers (moto, the AWS CLI's examples) send it; a problem for any other text.
   */
  public static Either<String, Instant> parseIso(String text) {
    try {
      return Either.right(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Either.left("expected a number or an ISO-8601 string, found " + Found.text(text));
    }
  }
}
