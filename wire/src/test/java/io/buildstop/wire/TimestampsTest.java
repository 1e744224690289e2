package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Timestamps travel as epoch seconds, printed as AWS prints them (spec §1)")
class TimestampsTest {

  private static String literalOf(Instant instant) {
    return Fixtures.numberLiterals(WireCodec.BUILD.encodeToString(Build.builder().startTime(instant).build()))
        .get("/startTime");
  }

  private static Either<WireError, Instant> startTimeOf(String json) {
    return WireCodec.BUILD.decode("{\"startTime\": " + json + "}").map(build -> build.startTime().orElseThrow());
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({
      "2019-05-03T17:49:16.318Z, 1556905756.318",
      "2019-05-03T17:49:33.750Z, 1556905773.75",
      "2019-05-03T17:49:30.800Z, 1556905770.8",
      "2019-05-03T17:49:16Z, 1556905756",
      "2019-05-03T17:49:10Z, 1556905750",
      "1970-01-01T00:00:00Z, 0",
      "1969-12-31T23:59:58.500Z, -1.5",
      "2019-05-03T17:49:16.123456789Z, 1556905756.123456789",
      "1970-01-01T00:00:00.000000001Z, 0.000000001"
  })
  void anInstantIsWrittenAsPlainEpochSecondsWithoutTrailingZeros(String instant, String literal) {
    assertThat(literalOf(Instant.parse(instant))).isEqualTo(literal);
  }

  @Test
  void theEndsOfInstantsRangeRoundTrip() {
    for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH}) {
      assertThat(startTimeOf(literalOf(instant))).isEqualTo(Either.right(instant));
    }
    assertThat(startTimeOf("-31557014167219201").getLeft().problem())
        .startsWith("expected epoch seconds within the range of java.time.Instant");
    assertThat(startTimeOf("31556889864403200").isLeft()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1556906956.318, 2019-05-03T18:09:16.318Z",
      "1556906956.318000, 2019-05-03T18:09:16.318Z",
      "1556906956.123456789, 2019-05-03T18:09:16.123456789Z",
      "1556906956, 2019-05-03T18:09:16Z",
      "1.556906956318E9, 2019-05-03T18:09:16.318Z",
      "-0.25, 1969-12-31T23:59:59.750Z",
      "'\"2020-10-21T17:51:38.161000+00:00\"', 2020-10-21T17:51:38.161Z",
      "'\"2020-10-21T17:51:38.161Z\"', 2020-10-21T17:51:38.161Z",
      "'\"2020-10-21T19:51:38.161+02:00\"', 2020-10-21T17:51:38.161Z",
      "'\"2020-10-21T17:51:38+00:00\"', 2020-10-21T17:51:38Z"
  })
  void aNumberOrAnIsoStringIsReadExactly(String json, String instant) {
    assertThat(startTimeOf(json)).isEqualTo(Either.right(Instant.parse(instant)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'\"2020-10-21T17:51:38.161\"'",
      "'\"2020-10-21\"'",
      "'\"1556906956.318\"'",
      "'\"\"'"
  })
  void textThatIsNotAnIsoDateTimeWithAnOffsetIsAWireError(String json) {
    assertThat(startTimeOf(json).getLeft().path()).isEqualTo("build.startTime");
    assertThat(startTimeOf(json).getLeft().problem()).startsWith("expected a number or an ISO-8601 string, found \"");
  }
}
