package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Every captured CodeBuild response decodes and encodes back to the same JSON")
class CapturedResponsesRoundTripTest {

  static List<String> captures() {
    return Fixtures.names();
  }

  static Stream<String> capturesWithEpochTimestamps() {
    return captures().stream().filter(name -> !Fixtures.hasTextTimestamps(Fixtures.tree(Fixtures.text(name))));
  }

  @Test
  void theFourPublishedCapturesAreThere() {
    assertThat(captures()).contains(
        Fixtures.STOP_BUILD, Fixtures.START_BUILD, Fixtures.RETRY_BUILD, Fixtures.BATCH_GET_BUILDS);
    assertThat(capturesWithEpochTimestamps())
        .contains(Fixtures.STOP_BUILD, Fixtures.START_BUILD, Fixtures.BATCH_GET_BUILDS)
        .doesNotContain(Fixtures.RETRY_BUILD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void aCaptureDecodes(String name) {
    assertThat(decode(Fixtures.text(name)).swap().toJavaOptional()).as("the wire error").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capturesWithEpochTimestamps")
  void aCaptureEncodesBackToTheSameTree(String name) {
    JsonNode captured = Fixtures.tree(Fixtures.text(name));
    JsonNode reEncoded = Fixtures.tree(decodeAndEncode(Fixtures.text(name)).get());

    assertThat(reEncoded.equals(Fixtures.NUMBERS_BY_VALUE, captured))
        .withFailMessage("%s re-encoded differs:%nexpected: %s%nactual:   %s", name, captured, reEncoded)
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capturesWithEpochTimestamps")
  void aCaptureKeepsEveryNumberAsAwsPrintedIt(String name) {
    String captured = Fixtures.text(name);

    assertThat(Fixtures.numberLiterals(decodeAndEncode(captured).get()))
        .isNotEmpty()
        .containsExactlyInAnyOrderEntriesOf(Fixtures.numberLiterals(captured));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void aCaptureDecodesTheSameAfterItsOwnReEncoding(String name) {
    String captured = Fixtures.text(name);
    String reEncoded = decodeAndEncode(captured).get();

    assertThat(decodeAndEncode(reEncoded)).isEqualTo(Either.right(reEncoded));
    assertThat(decode(reEncoded)).isEqualTo(decode(captured));
  }

  // A capture is either a {"build": ...} response or a BatchGetBuilds response.
  private static Either<WireError, ?> decode(String text) {
    return Fixtures.tree(text).has("builds")
        ? WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(text)
        : WireCodec.STOP_BUILD_RESPONSE.decode(text);
  }

  private static Either<WireError, String> decodeAndEncode(String text) {
    return Fixtures.tree(text).has("builds")
        ? WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(text).map(WireCodec.BATCH_GET_BUILDS_RESPONSE::encodeToString)
        : WireCodec.STOP_BUILD_RESPONSE.decode(text).map(WireCodec.STOP_BUILD_RESPONSE::encodeToString);
  }
}
