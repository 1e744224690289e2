package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.domain.model.Build;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class BuildJsonRoundTripTest {

  @Test
  void aBuildSurvivesEncodingAndDecoding() {
    Property.tries(1000).forAll(BuildGenerators.anyBuilds(), build -> {
      assertThat(WireCodec.BUILD.decode(WireCodec.BUILD.encodeToString(build))).isEqualTo(Either.right(build));
    });
  }

  @Test
  void aBuildSurvivesAsATreeAndInsideAResponse() {
    Property.tries(1000).forAll(BuildGenerators.anyBuilds(), build -> {
      assertThat(WireCodec.BUILD.decode(WireCodec.BUILD.encode(build))).isEqualTo(Either.right(build));
      assertThat(WireCodec.STOP_BUILD_RESPONSE.decode(WireCodec.STOP_BUILD_RESPONSE.encodeToString(build)))
          .isEqualTo(Either.right(build));
    });
  }

  @Test
  void anEncodedBuildNeverHoldsANull() {
    Property.tries(1000).forAll(BuildGenerators.anyBuilds(), build -> {
      Deque<JsonNode> pending = new ArrayDeque<>();
      pending.push(WireCodec.BUILD.encode(build));
      while (!pending.isEmpty()) {
        JsonNode node = pending.pop();
        assertThat(node.isNull()).as("a null in %s", WireCodec.BUILD.encodeToString(build)).isFalse();
        node.elements().forEachRemaining(pending::push);
      }
    });
  }

  // Trees parsed by a default ObjectMapper hold timestamps as doubles; a millisecond survives that.
  @Test
  void aBuildSurvivesATreeParsedWithDoubles() {
    Property.tries(1000).forAll(BuildGenerators.anyBuilds(), build -> {
      JsonNode withDoubles = Try.of(() -> new ObjectMapper().readTree(WireCodec.BUILD.encodeToString(build))).get();
      assertThat(WireCodec.BUILD.decode(withDoubles)).isEqualTo(Either.right(build));
    });
  }

  @Test
  void anInstantSurvivesToTheNanosecondAnywhereInItsRange() {
    Property.tries(1000).forAll(
        Gens.longs(-31_557_014_167_219_200L, 31_556_889_864_403_199L), Gens.ints(0, 999_999_999),
        (epochSecond, nano) -> {
      Build build = Build.builder().startTime(Instant.ofEpochSecond(epochSecond, nano)).build();
      assertThat(WireCodec.BUILD.decode(WireCodec.BUILD.encodeToString(build))).isEqualTo(Either.right(build));
    });
  }
}
