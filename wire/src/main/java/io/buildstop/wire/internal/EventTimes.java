package io.buildstop.wire.internal;

import io.vavr.control.Either;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The two forms of time in CodeBuild's events, in whole seconds: EventBridge's {@code time} in ISO-8601 ({@code
 * 2017-09-01T16:14:28Z}) and CodeBuild's own in {@code additional-information} and the phase change's detail
 * ({@code Sep 1, 2017 4:12:29 PM}, UTC, the US English medium date and time). Not an API.
 */
public final class EventTimes {

  /** What a malformed CodeBuild time should look like, for the decoding's error. */
  public static final String CODEBUILD_EXAMPLE = "Sep 1, 2017 4:12:29 PM";

  private static final DateTimeFormatter CODEBUILD = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("MMM d, yyyy h:mm:ss a")
      .toFormatter(Locale.US)
      .withZone(ZoneOffset.UTC);

  private EventTimes() {}

  /** {@code at} as EventBridge's {@code time}: ISO-8601 in UTC, whole seconds. */
  public static String iso(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** An ISO-8601 time with an offset ({@code Z} or {@code +00:00}), or what is wrong with it. */
  public static Either<String, Instant> parseIso(String text) {
    try {
      return Either.right(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Either.left("expected an ISO-8601 time such as \"2017-09-01T16:14:28Z\", found " + Found.text(text));
    }
  }

  /** {@code at} as CodeBuild writes it in an event: {@code Sep 1, 2017 4:12:29 PM}, UTC, whole seconds. */
  public static String codeBuild(Instant at) {
    return CODEBUILD.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * A time as CodeBuild writes it in an event, or what is wrong with it. The space before AM/PM may also be the
   * narrow no-break space newer JDKs print there (CLDR 42), so an event from such a runtime reads too.
   */
  public static Either<String, Instant> parseCodeBuild(String text) {
    String spaced = text.replace('\u202f', ' ').replace('\u00a0', ' ');
    try {
      return Either.right(Instant.from(CODEBUILD.parse(spaced)));
    } catch (DateTimeParseException e) {
      return Either.left("expected a time such as \"" + CODEBUILD_EXAMPLE + "\", found " + Found.text(text));
    }
  }
}
