package io.buildstop.domain;

import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");
  private static final Pattern ARN_PREFIX = Pattern.compile("arn:aws[a-z-]*:.*");
  private static final Pattern BUILD_ARN =
      Pattern.compile("arn:aws[a-z-]*:codebuild:[a-z0-9-]+:[0-9]{12}:build/(.+)");

  /**
   * Checks the parts; a {@code BuildId} that breaks the form cannot exist.
   *
   * @throws IllegalArgumentException when the parts do not form a valid id; use {@link #parse(String)} for input
   */
  public BuildId {
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(buildUuid, "buildUuid");
    String id = projectName + ":" + buildUuid;
    Optional<InvalidBuildIdReason> reason = PROJECT_NAME.matcher(projectName).matches()
        ? badCharacter(id).or(() -> parseId(id).swap().toJavaOptional())
        : Optional.of(InvalidBuildIdReason.INVALID_PROJECT_NAME);
    if (reason.isPresent()) {
      throw new IllegalArgumentException("not a build id: " + reason.get().description());
    }
  }

  /**
   * Validates a build id or a build ARN, as StopBuild's {@code id} member.
   *
   * @param input the id as the caller gave it; may be null (then {@link InvalidBuildIdReason#MISSING})
   * @return the id, or {@link StopFailure.InvalidInput} naming the first rule the input breaks; never throws
   */
  public static Either<StopFailure, BuildId> parse(String input) {
    return reasonToReject(input)
        .map(reason -> Either.<StopFailure, BuildId>left(StopFailure.invalidBuildId(reason, input)))
        .orElseGet(() -> Either.right(split(idOf(input))));
  }

  /**
   * Validates a project name against CodeBuild's pattern {@code [A-Za-z0-9][A-Za-z0-9\-_]{1,149}}.
   *
   * @param projectName the name as the caller gave it; may be null
   * @return the name, or {@link StopFailure.InvalidInput} with {@link InvalidBuildIdReason#INVALID_PROJECT_NAME};
   *     never throws
   */
  public static Either<StopFailure, String> parseProjectName(String projectName) {
    return projectName != null && PROJECT_NAME.matcher(projectName).matches()
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

  private static Optional<InvalidBuildIdReason> reasonToReject(String input) {
    if (input == null) {
      return Optional.of(InvalidBuildIdReason.MISSING);
    }
    if (input.isEmpty()) {
      return Optional.of(InvalidBuildIdReason.EMPTY);
    }
    // spec §4.7: length first, so no regex ever runs over an unbounded string
    if (input.length() > MAX_ARN_LENGTH) {
      return Optional.of(InvalidBuildIdReason.TOO_LONG);
    }
    Optional<InvalidBuildIdReason> badCharacter = badCharacter(input);
    if (badCharacter.isPresent()) {
      return badCharacter;
    }
    if (ARN_PREFIX.matcher(input).matches() && !BUILD_ARN.matcher(input).matches()) {
      return Optional.of(InvalidBuildIdReason.NOT_A_BUILD_ARN);
    }
    return parseId(idOf(input)).swap().toJavaOptional();
  }

  private static Optional<InvalidBuildIdReason> badCharacter(String input) {
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
    return Optional.empty();
  }

  // spec §4.8: a build ARN stands for the id it ends with
  private static String idOf(String input) {
    Matcher arn = BUILD_ARN.matcher(input);
    return arn.matches() ? arn.group(1) : input;
  }

  private static Either<InvalidBuildIdReason, String> parseId(String id) {
    if (id.length() > MAX_LENGTH) {
      return Either.left(InvalidBuildIdReason.TOO_LONG);
    }
    int separator = id.indexOf(':');
    if (separator < 0) {
      return Either.left(InvalidBuildIdReason.MISSING_SEPARATOR);
    }
    if (!PROJECT_NAME.matcher(id.substring(0, separator)).matches()) {
      return Either.left(InvalidBuildIdReason.INVALID_PROJECT_NAME);
    }
    if (separator == id.length() - 1) {
      return Either.left(InvalidBuildIdReason.EMPTY_BUILD_UUID);
    }
    return Either.right(id);
  }

  private static BuildId split(String id) {
    int separator = id.indexOf(':');
    return new BuildId(id.substring(0, separator), id.substring(separator + 1));
  }
}
