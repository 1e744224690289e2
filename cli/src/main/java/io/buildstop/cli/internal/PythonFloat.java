package io.buildstop.cli.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as Python's {@code repr(float)} writes it, which is how the AWS CLI prints every JSON number with a
 * fraction (botocore reads it into a Python float, {@code json.dumps} writes its {@code repr}): the shortest decimal
 * that reads back as the same double, the closest to it when several are as short; positional between 1e-4 and 1e16
 * ({@code 1556906973.75}, {@code 100.0}), scientific outside ({@code 1e+16}, {@code 1.5e-07}).
 *
 * <p>Java 17's {@code Double.toString} differs (it switches to scientific at 1e7 and is not always shortest).
 */
public final class PythonFloat {
  private static final int MAX_DIGITS = 17;

  private PythonFloat() {}

  /** {@code repr(value)} as Python 3 writes it; {@code json.dumps} writes NaN and the infinities as below. */
  public static String repr(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    // value = 0.<digits> x 10^point, as CPython's float_repr_style 'short' counts it
    int point = digits.length() - shortest.scale();
    String sign = value < 0 ? "-" : "";
    return sign + (point > -4 && point <= 16 ? positional(digits, point) : scientific(digits, point - 1));
  }

  // the shortest decimal that reads back as the double: of each length, only the decimals just below and just
  // above the exact value can; the nearest one wins, as in David Gay's dtoa mode 0 that CPython uses
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= MAX_DIGITS; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (readsBackAs(nearest, value)) {
        return nearest;
      }
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (readsBackAs(candidate, value)) {
          return candidate;
        }
      }
    }
    return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
  }

  private static boolean readsBackAs(BigDecimal decimal, double value) {
    return Double.parseDouble(decimal.toString()) == value;
  }

  private static String positional(String digits, int point) {
    if (point <= 0) {
      return "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return digits + "0".repeat(point - digits.length()) + ".0";
    }
    return digits.substring(0, point) + "." + digits.substring(point);
  }

  private static String scientific(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String magnitude = String.valueOf(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
  }
}
