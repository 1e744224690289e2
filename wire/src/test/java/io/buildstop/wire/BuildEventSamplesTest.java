package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.events.AdditionalInformation;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.events.EventPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.wire.internal.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sample events AWS publishes (src/test/resources/events/README.md) decode, and encode back without loss. */
@DisplayName("the published sample events")
class BuildEventSamplesTest {

  static final String STATE_CHANGE = "aws-docs-build-state-change.json";
  static final String PHASE_CHANGE = "aws-docs-build-phase-change.json";

  static String sample(String name) {
    try (InputStream in = BuildEventSamplesTest.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new AssertionError("missing test resource events/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // the wire's own parser: decimals as written (2.50 stays 2.50), as the decoding of a text reads them
  static JsonNode tree(String text) {
    return JsonText.parse(text).getOrElseThrow(error -> new AssertionError(error.toString()));
  }

  static BuildEvent decoded(String name) {
    return WireCodec.BUILD_EVENT.decode(sample(name))
        .getOrElseThrow(error -> new AssertionError(name + " does not decode: " + error));
  }

  @Test
  void theStateChangeSampleDecodesMemberForMember() {
    BuildStateChange event = (BuildStateChange) decoded(STATE_CHANGE);

    assertThat(event.version()).isEqualTo("0");
    assertThat(event.id()).isEqualTo("c030038d-8c4d-6141-9545-00ff7b7153EX");
    assertThat(event.time()).isEqualTo(Instant.parse("2017-09-01T16:14:28Z"));
    assertThat(event.region()).isEqualTo("us-west-2");
    assertThat(event.account()).isEqualTo("123456789012");
    assertThat(event.resources()).containsExactly(
        "arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX");
    assertThat(event.detail().buildStatus()).contains(StatusType.SUCCEEDED);
    assertThat(event.detail().currentPhase()).contains(BuildPhaseType.COMPLETED);
    assertThat(event.detail().currentPhaseContext()).contains("[]");
    assertThat(event.detail().version()).contains("1");
    AdditionalInformation information = event.detail().additionalInformation().orElseThrow();
    assertThat(information.buildStartTime()).contains(Instant.parse("2017-09-01T16:12:29Z"));
    assertThat(information.environment().orElseThrow().computeType()).contains(ComputeType.BUILD_GENERAL1_SMALL);
    assertThat(information.environment().orElseThrow().hasEnvironmentVariables()).isTrue();
    assertThat(information.logs().orElseThrow().streamName()).contains("8745a7a9-c340-456a-9166-edf953571bEX");
    assertThat(information.phases()).hasSize(10);
    EventPhase build = information.phases().get(5);
    assertThat(build.phaseType()).contains(BuildPhaseType.BUILD);
    assertThat(build.startTime()).contains(Instant.parse("2017-09-01T16:13:10Z"));
    assertThat(build.endTime()).contains(Instant.parse("2017-09-01T16:14:21Z"));
    assertThat(build.durationInSeconds()).contains(70L);
    EventPhase completed = information.phases().get(9);
    assertThat(completed.phaseType()).contains(BuildPhaseType.COMPLETED);
    assertThat(completed.hasPhaseContext()).isFalse();
    assertThat(completed.endTime()).isEmpty();
    assertThat(event.otherMembers()).isEmpty();
    assertThat(information.otherMembers()).isEmpty();
  }

  @Test
  void thePhaseChangeSampleDecodesMemberForMember() {
    BuildPhaseChange event = (BuildPhaseChange) decoded(PHASE_CHANGE);

    assertThat(event.detailType()).isEqualTo("CodeBuild Build Phase Change");
    // the sample names COMPLETED with FINALIZING's times; read as sent
    assertThat(event.detail().completedPhaseAsString()).contains("COMPLETED");
    assertThat(event.detail().completedPhaseStatus()).contains(StatusType.SUCCEEDED);
    assertThat(event.detail().completedPhaseDurationSeconds()).contains(4L);
    assertThat(event.detail().completedPhaseStart()).contains(Instant.parse("2017-09-01T16:14:21Z"));
    assertThat(event.detail().completedPhaseEnd()).contains(Instant.parse("2017-09-01T16:14:26Z"));
    assertThat(event.detail().completedPhaseContext()).contains("[]");
    assertThat(event.detail().additionalInformation().orElseThrow().buildComplete()).contains(true);
  }

  @Test
  void eachSampleEncodesBackToTheSameJson() {
    for (String name : List.of(STATE_CHANGE, PHASE_CHANGE)) {
      BuildEvent event = decoded(name);

      assertThat(Fixtures.tree(WireCodec.BUILD_EVENT.encodeToString(event))).as(name)
          .isEqualTo(Fixtures.tree(sample(name)));
      // the tree holds longs where the parsed sample holds ints: equal by value
      assertThat(WireCodec.BUILD_EVENT.encode(event).equals(Fixtures.NUMBERS_BY_VALUE, Fixtures.tree(sample(name))))
          .as(name).isTrue();
    }
  }

  @Test
  void eachSampleReadsAsItsOwnKindAndNotAsTheOther() {
    assertThat(WireCodec.BUILD_STATE_CHANGE.decode(sample(STATE_CHANGE))).isEqualTo(
        io.vavr.control.Either.right(decoded(STATE_CHANGE)));
    assertThat(WireCodec.BUILD_PHASE_CHANGE.decode(sample(PHASE_CHANGE))).isEqualTo(
        io.vavr.control.Either.right(decoded(PHASE_CHANGE)));
    assertThat(WireCodec.BUILD_PHASE_CHANGE.decode(sample(STATE_CHANGE)).getLeft().path()).isEqualTo("detail-type");
    assertThat(WireCodec.BUILD_STATE_CHANGE.decode(sample(PHASE_CHANGE)).getLeft().path()).isEqualTo("detail-type");
  }

  @Test
  void membersThisVersionDoesNotModelAreKeptAtEveryLevelAndWrittenBack() {
    // members real events carry beyond the samples (build-number, cache, queued-timeout-in-minutes, ...), and some
    // no event carries yet, of every JSON type, decimals as written
    ObjectNode event = (ObjectNode) tree(sample(STATE_CHANGE));
    event.set("additionalAttributes", tree("{}"));
    ObjectNode detail = (ObjectNode) event.get("detail");
    detail.set("new-member", tree("[1, 2.50, \"x\", null, true]"));
    ObjectNode information = (ObjectNode) detail.get("additional-information");
    information.set("build-number", tree("5"));
    information.set("queued-timeout-in-minutes", tree("480.0"));
    information.set("cache", tree("{\"type\": \"NO_CACHE\"}"));
    ((ObjectNode) information.get("environment")).put("image-pull-credentials-type", "CODEBUILD");
    ((ObjectNode) information.get("source")).put("buildspec", "version: 0.2");
    ((ObjectNode) information.get("logs")).putNull("s3-deep-link");
    ((ObjectNode) information.get("artifact")).put("artifact-identifier", "main");
    ((ObjectNode) information.get("phases").get(0)).put("phase-extra", 1);

    BuildStateChange decoded = WireCodec.BUILD_STATE_CHANGE.decode(event).get();

    assertThat(decoded.otherMembers()).containsEntry("additionalAttributes", "{}");
    assertThat(decoded.detail().otherMembers()).containsEntry("new-member", "[1,2.50,\"x\",null,true]");
    AdditionalInformation read = decoded.detail().additionalInformation().orElseThrow();
    assertThat(read.otherMembers()).containsEntry("queued-timeout-in-minutes", "480.0")
        .containsEntry("cache", "{\"type\":\"NO_CACHE\"}")
        .containsEntry("build-number", "5");
    assertThat(read.environment().orElseThrow().otherMembers())
        .containsEntry("image-pull-credentials-type", "\"CODEBUILD\"");
    assertThat(read.logs().orElseThrow().otherMembers()).containsEntry("s3-deep-link", "null");
    assertThat(tree(WireCodec.BUILD_STATE_CHANGE.encodeToString(decoded))).isEqualTo(event);
    assertThat(WireCodec.BUILD_STATE_CHANGE.encodeToString(decoded)).contains("480.0", "2.50");
    assertThat(WireCodec.BUILD_STATE_CHANGE.decode(WireCodec.BUILD_STATE_CHANGE.encode(decoded)).get())
        .isEqualTo(decoded);
  }

  @Test
  void theStreamedAndTheTreeEncodingAgreeByteForByte() {
    for (String name : List.of(STATE_CHANGE, PHASE_CHANGE)) {
      BuildEvent event = decoded(name);

      assertThat(WireCodec.BUILD_EVENT.encodeToString(event)).as(name)
          .isEqualTo(JsonText.write(WireCodec.BUILD_EVENT.encode(event)));
    }
  }

  @Test
  void aTimeFromARuntimeThatPrintsANarrowSpaceBeforePmReadsToo() {
    String narrow = sample(PHASE_CHANGE).replace("4:14:26 PM", "4:14:26\u202fPM");

    BuildPhaseChange event = (BuildPhaseChange) WireCodec.BUILD_EVENT.decode(narrow).get();

    assertThat(event.detail().completedPhaseEnd()).contains(Instant.parse("2017-09-01T16:14:26Z"));
  }

  @Test
  void whatIsWrongWithAnEventIsAnsweredAtItsPath() {
    JsonNode sample = Fixtures.tree(sample(STATE_CHANGE));
    ObjectNode noId = sample.deepCopy();
    noId.remove("id");
    ObjectNode otherKind = sample.deepCopy();
    otherKind.put("detail-type", "CodeBuild Fleet State Change");
    ObjectNode badStart = sample.deepCopy();
    ((ObjectNode) badStart.get("detail").get("additional-information")).put("build-start-time", "yesterday");
    ObjectNode badPhaseTime = sample.deepCopy();
    ((ObjectNode) badPhaseTime.get("detail").get("additional-information").get("phases").get(1))
        .put("end-time", "2017-09-01T16:14:21Z");
    ObjectNode badTime = sample.deepCopy();
    badTime.put("time", "Sep 1, 2017 4:14:28 PM");
    ObjectNode noDetail = sample.deepCopy();
    noDetail.remove("detail");

    assertThat(WireCodec.BUILD_EVENT.decode(noId).getLeft().path()).isEqualTo("id");
    assertThat(WireCodec.BUILD_EVENT.decode(otherKind).getLeft().path()).isEqualTo("detail-type");
    assertThat(WireCodec.BUILD_EVENT.decode(badStart).getLeft())
        .isEqualTo(new WireError("detail.additional-information.build-start-time",
            "expected a time such as \"Sep 1, 2017 4:12:29 PM\", found \"yesterday\""));
    assertThat(WireCodec.BUILD_EVENT.decode(badPhaseTime).getLeft().path())
        .isEqualTo("detail.additional-information.phases[1].end-time");
    assertThat(WireCodec.BUILD_EVENT.decode(badTime).getLeft().path()).isEqualTo("time");
    assertThat(WireCodec.BUILD_EVENT.decode(noDetail).getLeft().path()).isEqualTo("detail");
    assertThat(WireCodec.BUILD_EVENT.decode("[]").getLeft().path()).isEqualTo(WireError.DOCUMENT);
    assertThat(WireCodec.BUILD_EVENT.decode("{").getLeft().path()).isEqualTo(WireError.DOCUMENT);
  }
}
