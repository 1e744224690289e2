package io.buildstop.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link BuildId#parse(String)} as it was first written, with CodeBuild's published patterns as regular expressions:
 * the oracle the hand-written scanner must agree with on every input. Kept in the tests only because it cost six
 * matchers per StopBuild (BENCHMARKS.md).
 */
final class RegexBuildIdOracle {
  private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");
  private static final Pattern ARN_PREFIX = Pattern.compile("arn:aws[a-z-]*:.*");
  private static final Pattern BUILD_ARN =
      Pattern.compile("arn:aws[a-z-]*:codebuild:[a-z0-9-]+:[0-9]{12}:build/(.+)");

  private RegexBuildIdOracle() {}

  /** The reason the input is rejected, or empty when it is accepted. */
  static Optional<InvalidBuildIdReason> reasonToReject(String input) {
    if (input == null) {
      return Optional.of(InvalidBuildIdReason.MISSING);
    }
    if (input.isEmpty()) {
      return Optional.of(InvalidBuildIdReason.EMPTY);
    }
    if (input.length() > BuildId.MAX_ARN_LENGTH) {
      return Optional.of(InvalidBuildIdReason.TOO_LONG);
    }
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Optional.of(InvalidBuildIdReason.CONTROL_CHARACTER);
      }
      if (c > 0x7f) {
        return Optional.of(InvalidBuildIdReason.NON_ASCII);
      }
      if (c == ' ') {
        return Optional.of(InvalidBuildIdReason.WHITESPACE);
      }
    }
    if (ARN_PREFIX.matcher(input).matches() && !BUILD_ARN.matcher(input).matches()) {
      return Optional.of(InvalidBuildIdReason.NOT_A_BUILD_ARN);
    }
    String id = idOf(input);
    if (id.length() > BuildId.MAX_LENGTH) {
      return Optional.of(InvalidBuildIdReason.TOO_LONG);
    }
    int separator = id.indexOf(':');
    if (separator < 0) {
      return Optional.of(InvalidBuildIdReason.MISSING_SEPARATOR);
    }
    if (!PROJECT_NAME.matcher(id.substring(0, separator)).matches()) {
      return Optional.of(InvalidBuildIdReason.INVALID_PROJECT_NAME);
    }
    if (separator == id.length() - 1) {
      return Optional.of(InvalidBuildIdReason.EMPTY_BUILD_UUID);
    }
    return Optional.empty();
  }

  /** The id an accepted input stands for: the input, or what a build ARN ends with. */
  static String idOf(String input) {
    Matcher arn = BUILD_ARN.matcher(input);
    return arn.matches() ? arn.group(1) : input;
  }

  /** Whether the project name matches CodeBuild's pattern. */
  static boolean isProjectName(String name) {
    return PROJECT_NAME.matcher(name).matches();
  }
}
