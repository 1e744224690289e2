package io.buildstop.domain;

import io.vavr.control.Either;
import java.util.Objects;

/**
 * A validated CodeBuild build id, {@code <project-name>:<build-uuid>} (spec §2).
 *
 * <p>Obtain one from {@link #parse(String)}, which accepts a build id or a build ARN (normalised to the id it holds,
 * spec §4.8) and returns a typed {@link StopFailure.InvalidInput} for anything else (spec §4.7). The first {@code :}
 * splits the id, since project names hold none; the build uuid is kept verbatim, even when it holds more colons.
 *
 * @param projectName the project part: matches {@code [A-Za-z0-9][A-Za-z0-9\-_]{1,149}}
 * @param buildUuid the part after the first {@code :}: non-empty printable ASCII without spaces
 */
public record BuildId(String projectName, String buildUuid) {

  /** The longest build id accepted (buildstop's policy; CodeBuild publishes none). */
  public static final int MAX_LENGTH = 255;

  /** The longest input accepted at all: a build ARN around an id of {@link #MAX_LENGTH} characters. */
  public static final int MAX_ARN_LENGTH = 2048;

  private static final int MIN_PROJECT_NAME = 2;
  private static final int MAX_PROJECT_NAME = 150;
  private static final int ACCOUNT_DIGITS = 12;

  /**
   * Checks the parts; a {@code BuildId} that breaks the form cannot exist.
   *
   * @throws IllegalArgumentException when the parts do not form a valid id; use {@link #parse(String)} for input
   */
  public BuildId {
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(buildUuid, "buildUuid");
    InvalidBuildIdReason reason = !isProjectName(projectName, 0, projectName.length())
        ? InvalidBuildIdReason.INVALID_PROJECT_NAME
        : firstBadCharacter(buildUuid, 0, buildUuid.length());
    if (reason == null) {
      reason = projectName.length() + 1 + buildUuid.length() > MAX_LENGTH ? InvalidBuildIdReason.TOO_LONG
          : buildUuid.isEmpty() ? InvalidBuildIdReason.EMPTY_BUILD_UUID
          : null;
    }
    if (reason != null) {
      throw new IllegalArgumentException("not a build id: " + reason.description());
    }
  }

  /**
   * Validates a build id or a build ARN, as StopBuild's {@code id} member.
   *
   * @param input the id as the caller gave it; may be null (then {@link InvalidBuildIdReason#MISSING})
   * @return the id, or {@link StopFailure.InvalidInput} naming the first rule the input breaks; never throws
   */
  public static Either<StopFailure, BuildId> parse(String input) {
    // character scans and no regular expression: this runs on every StopBuild (BENCHMARKS.md)
    InvalidBuildIdReason reason = reasonToReject(input);
    if (reason != null) {
      return Either.left(StopFailure.invalidBuildId(reason, input));
    }
    int idStart = idStart(input);
    int separator = input.indexOf(':', idStart);
    return Either.right(new BuildId(input.substring(idStart, separator), input.substring(separator + 1)));
  }

  /**
   * Validates a project name against CodeBuild's pattern {@code [A-Za-z0-9][A-Za-z0-9\-_]{1,149}}.
   *
   * @param projectName the name as the caller gave it; may be null
   * @return the name, or {@link StopFailure.InvalidInput} with {@link InvalidBuildIdReason#INVALID_PROJECT_NAME};
   *     never throws
   */
  public static Either<StopFailure, String> parseProjectName(String projectName) {
    return projectName != null && isProjectName(projectName, 0, projectName.length())
        ? Either.right(projectName)
        : Either.left(StopFailure.invalidBuildId(InvalidBuildIdReason.INVALID_PROJECT_NAME, projectName));
  }

  /** The id as CodeBuild writes it: {@code <project-name>:<build-uuid>}. */
  public String value() {
    return projectName + ":" + buildUuid;
  }

  /** The same as {@link #value()}, so an id prints as CodeBuild shows it. */
  @Override
  public String toString() {
    return value();
  }

  // null when the input is a valid id or build ARN; the order of the checks is the order of the reasons' precedence
  private static InvalidBuildIdReason reasonToReject(String input) {
    if (input == null) {
      return InvalidBuildIdReason.MISSING;
    }
    if (input.isEmpty()) {
      return InvalidBuildIdReason.EMPTY;
    }
    // spec §4.7: length first, so no scan ever runs over an unbounded string
    if (input.length() > MAX_ARN_LENGTH) {
      return InvalidBuildIdReason.TOO_LONG;
    }
    InvalidBuildIdReason badCharacter = firstBadCharacter(input, 0, input.length());
    if (badCharacter != null) {
      return badCharacter;
    }
    int idStart = idStart(input);
    if (idStart < 0) {
      return InvalidBuildIdReason.NOT_A_BUILD_ARN;
    }
    return reasonToRejectId(input, idStart);
  }

  private static InvalidBuildIdReason firstBadCharacter(String input, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = input.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return InvalidBuildIdReason.CONTROL_CHARACTER;
      }
      if (c > 0x7f) {
        return InvalidBuildIdReason.NON_ASCII;
      }
      if (c == ' ') {
        return InvalidBuildIdReason.WHITESPACE;
      }
    }
    return null;
  }

  private static InvalidBuildIdReason reasonToRejectId(String input, int idStart) {
    if (input.length() - idStart > MAX_LENGTH) {
      return InvalidBuildIdReason.TOO_LONG;
    }
    int separator = input.indexOf(':', idStart);
    if (separator < 0) {
      return InvalidBuildIdReason.MISSING_SEPARATOR;
    }
    if (!isProjectName(input, idStart, separator)) {
      return InvalidBuildIdReason.INVALID_PROJECT_NAME;
    }
    if (separator == input.length() - 1) {
      return InvalidBuildIdReason.EMPTY_BUILD_UUID;
    }
    return null;
  }

  // [A-Za-z0-9][A-Za-z0-9\-_]{1,149} over input[from, to)
  private static boolean isProjectName(String input, int from, int to) {
    int length = to - from;
    if (length < MIN_PROJECT_NAME || length > MAX_PROJECT_NAME || !isAlphanumeric(input.charAt(from))) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      char c = input.charAt(i);
      if (!isAlphanumeric(c) && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * Where the id starts (spec §4.8: a build ARN stands for the id it ends with): 0 for an id, after
   * {@code build/} for a build ARN, -1 for any other ARN. An ARN is anything matching {@code arn:aws[a-z-]*:.*}, a
   * build ARN {@code arn:aws[a-z-]*:codebuild:[a-z0-9-]+:[0-9]{12}:build/.+}.
   */
  private static int idStart(String input) {
    if (!input.startsWith("arn:aws")) {
      return 0;
    }
    int at = skip(input, "arn:aws".length(), BuildId::isPartitionCharacter);
    if (at == input.length() || input.charAt(at) != ':') {
      return 0;
    }
    at = expect(input, at + 1, "codebuild:");
    int regionEnd = skip(input, at, BuildId::isRegionCharacter);
    if (at < 0 || regionEnd == at) {
      return -1;
    }
    at = expect(input, regionEnd, ":");
    int accountEnd = skip(input, at, BuildId::isDigit);
    if (at < 0 || accountEnd - at != ACCOUNT_DIGITS) {
      return -1;
    }
    at = expect(input, accountEnd, ":build/");
    return at < 0 || at == input.length() ? -1 : at;
  }

  private interface CharClass {
    boolean contains(char c);
  }

  // the first index at or after from whose character is outside the class; from itself when negative
  private static int skip(String input, int from, CharClass characters) {
    if (from < 0) {
      return from;
    }
    int at = from;
    while (at < input.length() && characters.contains(input.charAt(at))) {
      at++;
    }
    return at;
  }

  // the index after literal when input has it at from, else -1
  private static int expect(String input, int from, String literal) {
    return from >= 0 && input.startsWith(literal, from) ? from + literal.length() : -1;
  }

  private static boolean isPartitionCharacter(char c) {
    return (c >= 'a' && c <= 'z') || c == '-';
  }

  private static boolean isRegionCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
