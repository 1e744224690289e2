package io.buildstop.cli.internal;

import java.time.Duration;

/** A duration as {@link DurationConverter} reads it back: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}. */
public final class Durations {
  /**
   * The longest duration any option takes: 44 hours, as long as a CodeBuild build can live (its queued timeout is
   * at most 8 hours, its build timeout at most 36 hours, 2160 minutes). Longer is a usage error.
   */
  public static final Duration LONGEST = Duration.ofHours(44);

  /** The shortest duration an option that must take some time takes ({@code --lifecycle}, the call timeouts). */
  public static final Duration SHORTEST = Duration.ofMillis(1);

  private Durations() {}

  /** The shortest of {@code Nh}, {@code Nm}, {@code Ns}, {@code Nms} that is exact; else ISO-8601 ({@code PT1.5S}). */
  public static String format(Duration duration) {
    if (duration.getNano() % 1_000_000 != 0 || duration.isNegative()) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    if (millis != 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
