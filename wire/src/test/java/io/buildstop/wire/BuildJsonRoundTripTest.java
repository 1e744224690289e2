package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.domain.Build;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.domains.Domain;

class BuildJsonRoundTripTest {

  @Property
  @Domain(BuildDomain.class)
  void aBuildSurvivesEncodingAndDecoding(@ForAll Build build) {
    assertThat(BuildJson.decode(BuildJson.encodeToString(build))).isEqualTo(Either.right(build));
  }

  @Property
  @Domain(BuildDomain.class)
  void aBuildSurvivesAsATreeAndInsideAResponse(@ForAll Build build) {
    assertThat(BuildJson.decode(BuildJson.encode(build))).isEqualTo(Either.right(build));
    assertThat(StopBuildResponseJson.decode(StopBuildResponseJson.encodeToString(build)))
        .isEqualTo(Either.right(build));
  }

  @Property
  @Domain(BuildDomain.class)
  void anEncodedBuildNeverHoldsANull(@ForAll Build build) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(BuildJson.encode(build));
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      assertThat(node.isNull()).as("a null in %s", BuildJson.encodeToString(build)).isFalse();
      node.elements().forEachRemaining(pending::push);
    }
  }

  // Trees parsed by a default ObjectMapper hold timestamps as doubles; a millisecond survives that.
  @Property
  @Domain(BuildDomain.class)
  void aBuildSurvivesATreeParsedWithDoubles(@ForAll Build build) throws Exception {
    JsonNode withDoubles = new ObjectMapper().readTree(BuildJson.encodeToString(build));
    assertThat(BuildJson.decode(withDoubles)).isEqualTo(Either.right(build));
  }

  @Property
  void anInstantSurvivesToTheNanosecondAnywhereInItsRange(
      @ForAll @LongRange(min = -31_557_014_167_219_200L, max = 31_556_889_864_403_199L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
    Build build = Build.builder().startTime(Instant.ofEpochSecond(epochSecond, nano)).build();
    assertThat(BuildJson.decode(BuildJson.encodeToString(build))).isEqualTo(Either.right(build));
  }
}
