package io.buildstop.cli.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people write it on a command line: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, or
 * ISO-8601 {@code PT5S}; from 0 to {@link Durations#LONGEST}. Every duration option of buildstop reads through this
 * class or {@link Positive}, so the bounds live here; a value outside them is a usage error that names them.
 */
public class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    Duration parsed = parse(value);
    if (parsed.isNegative()) {
      throw new TypeConversionException("'" + value + "' is negative: a duration here is 0 or more");
    }
    if (parsed.compareTo(Durations.LONGEST) > 0) {
      // CodeBuild's own limits: no build is queued more than 8 hours or runs more than 36 (2160 minutes)
      throw new TypeConversionException("'" + value + "' is too long: a duration here is at most "
          + Durations.format(Durations.LONGEST) + ", as long as a CodeBuild build can live (queued 8h, then 36h)");
    }
    return parsed;
  }

  private static Duration parse(String value) {
    Matcher matcher = SHORT.matcher(value.trim());
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(value.trim());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration: write it as 500ms, 5s, 10m, 1h or PT5S");
    }
  }

  /**
   * A duration from {@link Durations#SHORTEST} to {@link Durations#LONGEST}: for what must take some time, such as
   * a phase of {@code serve --lifecycle} or an AWS call's timeout.
   */
  public static final class Positive extends DurationConverter {
    @Override
    public Duration convert(String value) {
      Duration duration = super.convert(value);
      if (duration.compareTo(Durations.SHORTEST) < 0) {
        throw new TypeConversionException("'" + value + "' is too short: a duration here is at least "
            + Durations.format(Durations.SHORTEST));
      }
      return duration;
    }
  }
}
