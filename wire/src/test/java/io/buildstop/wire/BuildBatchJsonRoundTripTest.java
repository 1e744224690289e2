package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.Presence;
import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * WireCodec.BUILD_BATCH: what StartBuildBatch, StopBuildBatch and BatchGetBuildBatches answer, read back as it was
 * written, with the same rules as a build's codec (open enums, {@code []} versus absent, no nulls).
 */
class BuildBatchJsonRoundTripTest {

  @Test
  void aBatchSurvivesEncodingAndDecoding() {
    Property.tries(1000).forAll(ValueGenerators.buildBatches(), batch -> {
      assertThat(WireCodec.BUILD_BATCH.decode(WireCodec.BUILD_BATCH.encodeToString(batch)))
          .isEqualTo(Either.right(batch));
      assertThat(WireCodec.BUILD_BATCH.decode(WireCodec.BUILD_BATCH.encode(batch))).isEqualTo(Either.right(batch));
    });
  }

  @Test
  void aFullyPopulatedBatchSurvivesEncodingAndDecoding() {
    // every member and every nested shape set: a member the codec forgets shows up here
    Property.tries(200).forAll(ValueGenerators.buildBatches(Presence.ALL_NON_EMPTY), batch ->
        assertThat(WireCodec.BUILD_BATCH.decode(WireCodec.BUILD_BATCH.encodeToString(batch)))
            .isEqualTo(Either.right(batch)));
  }

  // Trees parsed by a default ObjectMapper hold timestamps as doubles; a millisecond survives that.
  @Test
  void aBatchSurvivesATreeParsedWithDoubles() {
    Property.tries(500).forAll(ValueGenerators.buildBatches(), batch -> {
      JsonNode withDoubles =
          Try.of(() -> new ObjectMapper().readTree(WireCodec.BUILD_BATCH.encodeToString(batch))).get();
      assertThat(WireCodec.BUILD_BATCH.decode(withDoubles)).isEqualTo(Either.right(batch));
    });
  }

  @Test
  void anEncodedBatchNeverHoldsANull() {
    Property.tries(500).forAll(ValueGenerators.buildBatches(), batch -> {
      Deque<JsonNode> pending = new ArrayDeque<>();
      pending.push(WireCodec.BUILD_BATCH.encode(batch));
      while (!pending.isEmpty()) {
        JsonNode node = pending.pop();
        assertThat(node.isNull()).as("a null in %s", WireCodec.BUILD_BATCH.encodeToString(batch)).isFalse();
        node.elements().forEachRemaining(pending::push);
      }
    });
  }

  @Test
  void theBatchMembersTravelUnderCodeBuildsNames() {
    BuildBatch batch = BuildBatch.builder()
        .id("my-project:1b2c")
        .currentPhase(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC)
        .buildBatchStatus(StatusType.IN_PROGRESS)
        .complete(false)
        .buildBatchNumber(3L)
        .addBuildGroups(BuildGroup.builder().identifier("build1").addDependsOn("build0").ignoreFailure(true).build())
        .build();

    assertThat(WireCodec.BUILD_BATCH.encodeToString(batch)).isEqualTo("{\"id\":\"my-project:1b2c\","
        + "\"currentPhase\":\"DOWNLOAD_BATCHSPEC\",\"buildBatchStatus\":\"IN_PROGRESS\",\"complete\":false,"
        + "\"buildBatchNumber\":3,\"buildGroups\":[{\"identifier\":\"build1\",\"dependsOn\":[\"build0\"],"
        + "\"ignoreFailure\":true}]}");
  }

  @Test
  void aPhaseOrStatusThisVersionDoesNotKnowKeepsItsText() {
    BuildBatch batch = WireCodec.BUILD_BATCH
        .decode("{\"currentPhase\": \"NEW_PHASE\", \"buildBatchStatus\": \"PENDING\"}").get();

    assertThat(batch.currentPhase()).contains(BuildBatchPhaseType.UNKNOWN_TO_SDK_VERSION);
    assertThat(batch.buildBatchStatus()).contains(StatusType.UNKNOWN_TO_SDK_VERSION);
    assertThat(WireCodec.BUILD_BATCH.encodeToString(batch))
        .isEqualTo("{\"currentPhase\":\"NEW_PHASE\",\"buildBatchStatus\":\"PENDING\"}");
  }

  @Test
  void anEmptyListCodeBuildSentStaysSentAndAnAbsentOneStaysAbsent() {
    BuildBatch sent = WireCodec.BUILD_BATCH.decode("{\"buildGroups\": []}").get();
    BuildBatch absent = WireCodec.BUILD_BATCH.decode("{}").get();

    assertThat(sent.hasBuildGroups()).isTrue();
    assertThat(absent.hasBuildGroups()).isFalse();
    assertThat(WireCodec.BUILD_BATCH.encodeToString(sent)).isEqualTo("{\"buildGroups\":[]}");
    assertThat(WireCodec.BUILD_BATCH.encodeToString(absent)).isEqualTo("{}");
  }

  @Test
  void aMemberOfTheWrongTypeIsNamedFromTheBatch() {
    assertThat(WireCodec.BUILD_BATCH.decode("{\"buildGroups\": [{}, {\"ignoreFailure\": \"yes\"}]}").getLeft()
        .path()).isEqualTo("buildBatch.buildGroups[1].ignoreFailure");
    assertThat(WireCodec.BUILD_BATCH.decode("[]").getLeft().path()).isEqualTo("buildBatch");
  }
}
