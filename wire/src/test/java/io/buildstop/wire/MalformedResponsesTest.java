package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A response that is not CodeBuild's wire form is a WireError naming the member, never an exception")
class MalformedResponsesTest {

  private static WireError errorOf(String response) {
    Either<WireError, Build> decoded = WireCodec.STOP_BUILD_RESPONSE.decode(response);
    assertThat(decoded.isLeft()).as("decoded %s as %s", response, decoded).isTrue();
    return decoded.getLeft();
  }

  private static String nested(String open, String close, int depth) {
    return open.repeat(depth) + close.repeat(depth);
  }

  @Nested
  @DisplayName("wrong JSON types")
  class WrongTypes {

    @Test
    void aStringWhereANumberBelongs() {
      WireError error = errorOf("{\"build\": {\"buildNumber\": \"9\"}}");

      assertThat(error.path()).isEqualTo("build.buildNumber");
      assertThat(error.problem()).startsWith("expected a whole number").endsWith("found a string");
    }

    @Test
    void aTimestampThatIsNeitherANumberNorIsoText() {
      WireError error = errorOf("{\"build\": {\"phases\": [{}, {}, {\"startTime\": \"yesterday\"}]}}");

      assertThat(error).isEqualTo(new WireError(
          "build.phases[2].startTime", "expected a number or an ISO-8601 string, found \"yesterday\""));
      assertThat(error.message())
          .isEqualTo("build.phases[2].startTime: expected a number or an ISO-8601 string, found \"yesterday\"");
    }

    @Test
    void aBooleanWhereATimestampBelongs() {
      assertThat(errorOf("{\"build\": {\"endTime\": true}}")).isEqualTo(new WireError(
          "build.endTime", "expected a number or an ISO-8601 string, found a boolean"));
    }

    @Test
    void aListWhereAnObjectBelongs() {
      assertThat(errorOf("{\"build\": {\"source\": []}}"))
          .isEqualTo(new WireError("build.source", "expected an object, found an array"));
    }

    @Test
    void anObjectWhereAListBelongs() {
      assertThat(errorOf("{\"build\": {\"phases\": {\"phaseType\": \"BUILD\"}}}"))
          .isEqualTo(new WireError("build.phases", "expected an array, found an object"));
    }

    @Test
    void aNumberWhereABooleanBelongsDeepInside() {
      assertThat(errorOf("{\"build\": {\"environment\": {\"dockerServer\": {\"status\": {\"message\": 5}}}}}"))
          .isEqualTo(new WireError("build.environment.dockerServer.status.message", "expected a string, found a number"));
      assertThat(errorOf("{\"build\": {\"source\": {\"gitSubmodulesConfig\": {\"fetchSubmodules\": \"false\"}}}}"))
          .isEqualTo(new WireError("build.source.gitSubmodulesConfig.fetchSubmodules",
              "expected a boolean, found a string"));
    }

    @Test
    void aWrongItemInAListOfStrings() {
      assertThat(errorOf("{\"build\": {\"vpcConfig\": {\"subnets\": [\"subnet-1\", {}]}}}"))
          .isEqualTo(new WireError("build.vpcConfig.subnets[1]", "expected a string, found an object"));
    }

    @Test
    void aWrongStringIsNeverQuoted() {
      WireError error = errorOf(
          "{\"build\": {\"environment\": {\"environmentVariables\": [{\"value\": \"s3cr3t\", \"name\": [\"s3cr3t\"]}]}}}");

      assertThat(error.path()).isEqualTo("build.environment.environmentVariables[0].name");
      assertThat(error.message()).doesNotContain("s3cr3t");
    }
  }

  @Nested
  @DisplayName("numbers out of range")
  class Numbers {

    @Test
    void aTimeoutBeyondAnInt() {
      assertThat(errorOf("{\"build\": {\"timeoutInMinutes\": 3000000000}}")).isEqualTo(new WireError(
          "build.timeoutInMinutes", "expected a whole number from -2147483648 to 2147483647, found 3000000000"));
    }

    @Test
    void aFractionalBuildNumber() {
      assertThat(errorOf("{\"build\": {\"buildNumber\": 9.5}}").path()).isEqualTo("build.buildNumber");
    }

    @Test
    void aWholeNumberWrittenAsADecimalIsThatNumber() {
      assertThat(WireCodec.STOP_BUILD_RESPONSE.decode("{\"build\": {\"timeoutInMinutes\": 60.0, \"buildNumber\": 9E+1}}"))
          .isEqualTo(Either.right(Build.builder().timeoutInMinutes(60).buildNumber(90L).build()));
    }

    @Test
    void anAstronomicalExponentIsRejectedQuickly() {
      assertThat(errorOf("{\"build\": {\"buildNumber\": 1e999999999}}").path()).isEqualTo("build.buildNumber");
      assertThat(errorOf("{\"build\": {\"startTime\": 1e999999999}}").problem())
          .startsWith("expected epoch seconds within the range of java.time.Instant");
      assertThat(errorOf("{\"build\": {\"startTime\": 1e-999999999}}").problem())
          .startsWith("expected epoch seconds with at most nanosecond precision");
    }

    @Test
    void aTimestampFinerThanANanosecond() {
      assertThat(errorOf("{\"build\": {\"startTime\": 1556906956.3180000001}}")).isEqualTo(new WireError(
          "build.startTime", "expected epoch seconds with at most nanosecond precision, found 1556906956.3180000001"));
    }

    @Test
    void aNotANumberInATreeBuiltByHand() {
      JsonNodeFactory nodes = JsonNodeFactory.instance;
      ObjectNode build = nodes.objectNode().set("startTime", DoubleNode.valueOf(Double.NaN));

      assertThat(WireCodec.BUILD.decode(build))
          .isEqualTo(Either.left(new WireError("build.startTime", "expected a finite number, found NaN")));
    }
  }

  @Nested
  @DisplayName("nulls and missing members")
  class Nulls {

    @Test
    void aNullMemberIsAbsent() {
      Either<WireError, Build> decoded = WireCodec.STOP_BUILD_RESPONSE.decode(
          "{\"build\": {\"id\": null, \"phases\": null, \"source\": null, \"endTime\": null}}");

      assertThat(decoded).isEqualTo(Either.right(Build.builder().build()));
      assertThat(decoded.get().hasPhases()).isFalse();
    }

    @Test
    void aNullItemInAListIsNotAbsent() {
      assertThat(errorOf("{\"build\": {\"reportArns\": [\"arn:1\", null]}}"))
          .isEqualTo(new WireError("build.reportArns[1]", "expected a string, found null"));
      assertThat(errorOf("{\"build\": {\"phases\": [null]}}"))
          .isEqualTo(new WireError("build.phases[0]", "expected an object, found null"));
    }

    @Test
    void aResponseWithoutItsBuild() {
      assertThat(errorOf("{}")).isEqualTo(new WireError("build", "expected an object, found nothing"));
      assertThat(errorOf("{\"build\": null}")).isEqualTo(new WireError("build", "expected an object, found null"));
      assertThat(errorOf("{\"__type\": \"ResourceNotFoundException\", \"message\": \"Build x not found\"}").path())
          .isEqualTo("build");
    }

    @Test
    void theNullDocument() {
      assertThat(errorOf("null")).isEqualTo(new WireError("$", "expected an object, found null"));
      assertThat(WireCodec.BUILD.decode("null")).isEqualTo(Either.left(new WireError("build", "expected an object, found null")));
    }
  }

  @Nested
  @DisplayName("garbage")
  class Garbage {

    @Test
    void textThatIsNotJson() {
      WireError error = errorOf("<html><body>500 Internal Server Error</body></html>");

      assertThat(error.path()).isEqualTo(WireError.DOCUMENT);
      assertThat(error.problem()).startsWith("not JSON: ").contains("line 1, column ");
    }

    @Test
    void emptyTextAndBlankText() {
      assertThat(errorOf("").path()).isEqualTo("$");
      assertThat(errorOf("  \n").path()).isEqualTo("$");
    }

    @Test
    void aTruncatedResponse() {
      assertThat(errorOf("{\"build\": {\"id\": \"x\", \"phases\": [").problem()).startsWith("not JSON: ");
    }

    @Test
    void textAfterTheDocument() {
      assertThat(errorOf("{\"build\": {}} {\"build\": {}}").path()).isEqualTo("$");
    }

    @Test
    void aMemberSentTwice() {
      assertThat(errorOf("{\"build\": {\"buildStatus\": \"STOPPED\", \"buildStatus\": \"SUCCEEDED\"}}").problem())
          .startsWith("not JSON: ").contains("buildStatus");
    }

    @Test
    void aDocumentThatIsNotAnObject() {
      assertThat(errorOf("[{\"build\": {}}]")).isEqualTo(new WireError("$", "expected an object, found an array"));
      assertThat(errorOf("\"build\"")).isEqualTo(new WireError("$", "expected an object, found a string"));
      assertThat(errorOf("42")).isEqualTo(new WireError("$", "expected an object, found a number"));
    }

    @Test
    void deeplyNestedGarbageWhereAPhaseBelongs() {
      assertThat(errorOf("{\"build\": {\"phases\": " + nested("[", "]", 400) + "}}"))
          .isEqualTo(new WireError("build.phases[0]", "expected an object, found an array"));
    }

    @Test
    void deeplyNestedGarbageInAMemberThisVersionDoesNotKnowIsIgnored() {
      assertThat(WireCodec.STOP_BUILD_RESPONSE.decode(
          "{\"build\": {\"id\": \"p:1\", \"newMember\": " + "{\"a\": ".repeat(400) + "1" + "}".repeat(400) + "}}"))
          .isEqualTo(Either.right(Build.builder().id("p:1").build()));
    }

    @Test
    void nestingDeeperThanTheParserAllows() {
      WireError error = errorOf("{\"build\": {\"phases\": " + nested("[", "]", 100_000) + "}}");

      assertThat(error.path()).isEqualTo("$");
      assertThat(error.problem()).startsWith("not JSON: ");
    }
  }

  @Nested
  @DisplayName("BatchGetBuilds")
  class Batches {

    @Test
    void aWrongMemberInTheSecondBuild() {
      assertThat(WireCodec.BATCH_GET_BUILDS_RESPONSE.decode("{\"builds\": [{}, {\"buildNumber\": true}]}").getLeft())
          .isEqualTo(new WireError("builds[1].buildNumber",
              "expected a whole number from -9223372036854775808 to 9223372036854775807, found a boolean"));
    }

    @Test
    void aWrongMissingId() {
      assertThat(WireCodec.BATCH_GET_BUILDS_RESPONSE.decode("{\"builds\": [], \"buildsNotFound\": [7]}").getLeft())
          .isEqualTo(new WireError("buildsNotFound[0]", "expected a string, found a number"));
    }

    @Test
    void absentListsStayAbsent() {
      assertThat(WireCodec.BATCH_GET_BUILDS_RESPONSE.decode("{\"buildsNotFound\": null}"))
          .isEqualTo(Either.right(new BatchGetBuildsResponse(List.of(), false, List.of(), false)));
      assertThat(WireCodec.BATCH_GET_BUILDS_RESPONSE.encodeToString(
          new BatchGetBuildsResponse(List.of(), false, List.of("p:1"), false)))
          .isEqualTo("{\"buildsNotFound\":[\"p:1\"]}");
    }
  }
}
