package io.buildstop.wire;

import static io.buildstop.wire.internal.Found.expected;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import java.math.BigDecimal;
import io.buildstop.wire.internal.EpochSeconds;
import io.buildstop.wire.internal.Found;
import java.time.Instant;

/** The awsJson1_1 scalar types read from one JSON value: the value, or what was wrong with it. */
final class Scalars {

  private Scalars() {}

  static Either<String, String> string(JsonNode value) {
    return value.isTextual() ? Either.right(value.textValue()) : Either.left(expected("a string", value));
  }

  static Either<String, Boolean> bool(JsonNode value) {
    return value.isBoolean() ? Either.right(value.booleanValue()) : Either.left(expected("a boolean", value));
  }

  static Either<String, Integer> int32(JsonNode value) {
    return whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue);
  }

  static Either<String, Long> int64(JsonNode value) {
    return whole(value, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** awsJson1_1 sends epoch seconds; ISO-8601 text is accepted too, since moto and the CLI's examples send it. */
  static Either<String, Instant> timestamp(JsonNode value) {
    if (value.isTextual()) {
      return EpochSeconds.parseIso(value.textValue());
    }
    if (!value.isNumber()) {
      return Either.left(expected("a number or an ISO-8601 string", value));
    }
    return decimal(value).flatMap(EpochSeconds::toInstant);
  }

  private static Either<String, Long> whole(JsonNode value, long min, long max) {
    String expectation = "a whole number from " + min + " to " + max;
    if (!value.isNumber()) {
      return Either.left(expected(expectation, value));
    }
    return decimal(value).flatMap(number -> {
      // 60.0 and 6E+1 are exactly 60, so they are read as 60; 60.5 is not a whole number
      boolean fractional = number.signum() != 0 && number.stripTrailingZeros().scale() > 0;
      boolean outside = number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0;
      return fractional || outside
          ? Either.left("expected " + expectation + ", found " + Found.number(number))
          : Either.right(number.longValue());
    });
  }

  // A tree parsed elsewhere may hold doubles, and NaN has no decimal value.
  private static Either<String, BigDecimal> decimal(JsonNode number) {
    boolean floating = number.isDouble() || number.isFloat();
    return floating && !Double.isFinite(number.doubleValue())
        ? Either.left("expected a finite number, found " + number.doubleValue())
        : Either.right(number.decimalValue());
  }
}
