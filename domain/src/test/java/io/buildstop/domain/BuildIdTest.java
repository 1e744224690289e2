package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.vavr.control.Either;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What StopBuild accepts as an id (spec §2, §4.7, §4.8), as a table. */
@DisplayName("BuildId")
class BuildIdTest {
  private static final String UUID = "1a2b3c4d-5678-90ab-cdef-11111EXAMPLE";
  private static final String ARN_PREFIX = "arn:aws:codebuild:us-west-2:123456789012:build/";

  static Stream<Arguments> validIds() {
    String project150 = "P" + "r".repeat(149);
    String id255 = "proj:" + "u".repeat(250);
    return Stream.of(
        Arguments.of("my-demo-project:" + UUID, "my-demo-project", UUID),
        Arguments.of("my-demo-project::12345678-a1b2-c3d4-e5f6-11111EXAMPLE", "my-demo-project",
            ":12345678-a1b2-c3d4-e5f6-11111EXAMPLE"),
        Arguments.of("ab:1", "ab", "1"),
        Arguments.of(project150 + ":" + UUID, project150, UUID),
        Arguments.of("0_project-X:abc", "0_project-X", "abc"),
        Arguments.of("proj:a:b:c", "proj", "a:b:c"),
        Arguments.of("proj:~!#$%&'()*+,-./;<=>?@[]^_`{|}", "proj", "~!#$%&'()*+,-./;<=>?@[]^_`{|}"),
        Arguments.of(id255, "proj", "u".repeat(250)),
        Arguments.of(ARN_PREFIX + "my-demo-project:" + UUID, "my-demo-project", UUID),
        Arguments.of("arn:aws-cn:codebuild:cn-north-1:123456789012:build/my-demo-project:" + UUID,
            "my-demo-project", UUID),
        Arguments.of("arn:aws-us-gov:codebuild:us-gov-west-1:123456789012:build/my-demo-project:" + UUID,
            "my-demo-project", UUID),
        Arguments.of(ARN_PREFIX + id255, "proj", "u".repeat(250)),
        Arguments.of("arnie:aws:codebuild", "arnie", "aws:codebuild"),
        Arguments.of(arnOfLength(BuildId.MAX_ARN_LENGTH, "proj:abc"), "proj", "abc"));
  }

  /** A build ARN around {@code id}, its region stretched so that the whole ARN is {@code length} long. */
  static String arnOfLength(int length, String id) {
    String frame = "arn:aws:codebuild::123456789012:build/" + id;
    return "arn:aws:codebuild:" + "r".repeat(length - frame.length()) + ":123456789012:build/" + id;
  }

  static Stream<Arguments> invalidIds() {
    String arnOfTooLongId = ARN_PREFIX + "proj:" + "u".repeat(251);
    return Stream.of(
        Arguments.of(null, InvalidBuildIdReason.MISSING),
        Arguments.of("", InvalidBuildIdReason.EMPTY),
        Arguments.of(" ", InvalidBuildIdReason.WHITESPACE),
        Arguments.of("proj: abc", InvalidBuildIdReason.WHITESPACE),
        Arguments.of("\t", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("proj:abc\n", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("proj:\u0000abc", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("proj:\u001fabc", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("proj:abc\u007f", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("pr\u00f8ject:abc", InvalidBuildIdReason.NON_ASCII),
        Arguments.of("proj:\u0080", InvalidBuildIdReason.NON_ASCII),
        Arguments.of("proj:" + "u".repeat(251), InvalidBuildIdReason.TOO_LONG),
        Arguments.of("x".repeat(256), InvalidBuildIdReason.TOO_LONG),
        Arguments.of("proj:" + "u".repeat(BuildId.MAX_ARN_LENGTH), InvalidBuildIdReason.TOO_LONG),
        Arguments.of(arnOfTooLongId, InvalidBuildIdReason.TOO_LONG),
        Arguments.of(arnOfLength(BuildId.MAX_ARN_LENGTH + 1, "proj:abc"), InvalidBuildIdReason.TOO_LONG),
        Arguments.of("my-demo-project", InvalidBuildIdReason.MISSING_SEPARATOR),
        Arguments.of(":" + UUID, InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("a:" + UUID, InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("-bad:" + UUID, InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("_bad:" + UUID, InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("pro.ject:" + UUID, InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("P" + "r".repeat(150) + ":" + UUID, InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("proj:", InvalidBuildIdReason.EMPTY_BUILD_UUID),
        Arguments.of("arn:aws:s3:::bucket", InvalidBuildIdReason.NOT_A_BUILD_ARN),
        Arguments.of("arn:aws:codebuild:us-west-2:123456789012:project/my-demo-project",
            InvalidBuildIdReason.NOT_A_BUILD_ARN),
        Arguments.of("arn:aws:codebuild:us-west-2:12345:build/my-demo-project:" + UUID,
            InvalidBuildIdReason.NOT_A_BUILD_ARN),
        Arguments.of(ARN_PREFIX, InvalidBuildIdReason.NOT_A_BUILD_ARN),
        Arguments.of(ARN_PREFIX + "-bad:" + UUID, InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of(ARN_PREFIX + "my-demo-project", InvalidBuildIdReason.MISSING_SEPARATOR),
        Arguments.of(ARN_PREFIX + "my-demo-project:", InvalidBuildIdReason.EMPTY_BUILD_UUID));
  }

  @Nested
  @DisplayName("parse: valid ids and build ARNs (spec §4.8)")
  class Valid {
    @ParameterizedTest(name = "{0} is {1} : {2}")
    @MethodSource("io.buildstop.domain.BuildIdTest#validIds")
    void aValidIdOrBuildArnParsesToItsParts(String input, String project, String uuid) {
      Either<StopFailure, BuildId> parsed = BuildId.parse(input);

      assertThat(parsed).isEqualTo(Either.right(new BuildId(project, uuid)));
      assertThat(parsed.get().projectName()).isEqualTo(project);
      assertThat(parsed.get().buildUuid()).isEqualTo(uuid);
      assertThat(parsed.get().value()).isEqualTo(project + ":" + uuid);
      assertThat(parsed.get()).hasToString(project + ":" + uuid);
    }

    @Test
    void theLongestArnAcceptedIsMaxArnLengthCharacters() {
      assertThat(arnOfLength(BuildId.MAX_ARN_LENGTH, "proj:abc")).hasSize(BuildId.MAX_ARN_LENGTH);
    }

    @Test
    void anArnIsNormalisedToTheIdItHolds() {
      assertThat(BuildId.parse(ARN_PREFIX + "my-demo-project:" + UUID))
          .isEqualTo(BuildId.parse("my-demo-project:" + UUID));
    }
  }

  @Nested
  @DisplayName("parse: invalid input (spec §4.7)")
  class Invalid {
    @ParameterizedTest(name = "[{index}] is {1}")
    @MethodSource("io.buildstop.domain.BuildIdTest#invalidIds")
    void invalidInputIsAnInvalidInputFailureNamingTheReason(String input, InvalidBuildIdReason reason) {
      Either<StopFailure, BuildId> parsed = BuildId.parse(input);

      assertThat(parsed.isLeft()).isTrue();
      assertThat(parsed.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
      StopFailure.InvalidInput failure = (StopFailure.InvalidInput) parsed.getLeft();
      assertThat(failure.reason()).contains(reason);
      assertThat(failure.message())
          .startsWith("The input value that was provided is not valid: " + reason.description());
    }

    @ParameterizedTest(name = "[{index}] the message for {1} holds no control character")
    @MethodSource("io.buildstop.domain.BuildIdTest#invalidIds")
    void theMessageNeverCarriesARawControlCharacterAndStaysShort(String input, InvalidBuildIdReason reason) {
      String message = BuildId.parse(input).getLeft().message();

      assertThat(message.chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
      assertThat(message.chars()).noneMatch(c -> c > 0x7f);
      assertThat(message).hasSizeLessThan(400);
    }

    @Test
    void theInputIsQuotedEscapedInTheMessage() {
      assertThat(BuildId.parse("proj:abc\n").getLeft().message()).endsWith("(got \"proj:abc\\u000a\")");
      assertThat(BuildId.parse(null).getLeft().message()).endsWith("(got null)");
    }
  }

  @Nested
  @DisplayName("the record constructor rejects what parse rejects")
  class Constructor {
    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("io.buildstop.domain.BuildIdTest#invalidIds")
    void partsThatParseRejectsCannotFormABuildId(String input, InvalidBuildIdReason reason) {
      // an ARN or a missing separator has no parts to construct from
      if (input == null || input.startsWith("arn:") || input.indexOf(':') < 0) {
        return;
      }
      int separator = input.indexOf(':');
      String project = input.substring(0, separator);
      String uuid = input.substring(separator + 1);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> new BuildId(project, uuid))
          .withMessageStartingWith("not a build id: ");
    }

    @Test
    void theMessageNamesTheBrokenRule() {
      assertThatIllegalArgumentException().isThrownBy(() -> new BuildId("a", UUID))
          .withMessage("not a build id: " + InvalidBuildIdReason.INVALID_PROJECT_NAME.description());
      assertThatIllegalArgumentException().isThrownBy(() -> new BuildId("proj", ""))
          .withMessage("not a build id: " + InvalidBuildIdReason.EMPTY_BUILD_UUID.description());
      assertThatIllegalArgumentException().isThrownBy(() -> new BuildId("proj", "a b"))
          .withMessage("not a build id: " + InvalidBuildIdReason.WHITESPACE.description());
      assertThatIllegalArgumentException().isThrownBy(() -> new BuildId("proj", "u".repeat(251)))
          .withMessage("not a build id: " + InvalidBuildIdReason.TOO_LONG.description());
    }

    @Test
    void aProjectNameWithAColonIsRejected() {
      assertThatIllegalArgumentException().isThrownBy(() -> new BuildId("my:project", UUID));
    }

    @Test
    void nullPartsAreRejected() {
      assertThatNullPointerException().isThrownBy(() -> new BuildId(null, UUID)).withMessage("projectName");
      assertThatNullPointerException().isThrownBy(() -> new BuildId("proj", null)).withMessage("buildUuid");
    }

    @Test
    void validPartsFormTheId() {
      BuildId id = new BuildId("my-demo-project", UUID);

      assertThat(id.value()).isEqualTo("my-demo-project:" + UUID);
      assertThat(id).hasToString("my-demo-project:" + UUID);
      assertThat(id).isEqualTo(new BuildId("my-demo-project", UUID));
    }
  }

  @Nested
  @DisplayName("parseProjectName")
  class ProjectName {
    @ParameterizedTest(name = "{0} is a project name")
    @ValueSource(strings = {"ab", "my-demo-project", "0_project-X"})
    void aNameMatchingThePatternIsAccepted(String name) {
      assertThat(BuildId.parseProjectName(name)).isEqualTo(Either.right(name));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not a project name")
    @NullSource
    @ValueSource(strings = {"", "a", "-bad", "_bad", "my:project", "pr\u00f8ject", "my project", "my.project"})
    void anythingElseIsAnInvalidProjectName(String name) {
      Either<StopFailure, String> parsed = BuildId.parseProjectName(name);

      assertThat(parsed.isLeft()).isTrue();
      assertThat(((StopFailure.InvalidInput) parsed.getLeft()).reason())
          .contains(InvalidBuildIdReason.INVALID_PROJECT_NAME);
      assertThat(parsed.getLeft().message().chars()).noneMatch(c -> c < 0x20 || c >= 0x7f);
    }

    @Test
    void theLimitsOfTheNameAreTwoAndOneHundredFiftyCharacters() {
      assertThat(BuildId.parseProjectName("P" + "r".repeat(149))).isEqualTo(Either.right("P" + "r".repeat(149)));
      assertThat(BuildId.parseProjectName("P" + "r".repeat(150)).isLeft()).isTrue();
      assertThat(BuildId.parseProjectName("Pr").isRight()).isTrue();
    }
  }

  @Test
  void theLimitsAreThePublishedPolicy() {
    assertThat(BuildId.MAX_LENGTH).isEqualTo(255);
    assertThat(BuildId.MAX_ARN_LENGTH).isEqualTo(2048);
  }
}
