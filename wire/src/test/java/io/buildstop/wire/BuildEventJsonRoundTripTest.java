package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.testkit.generators.EventGenerators;
import io.buildstop.testkit.properties.Property;
import io.buildstop.wire.internal.JsonText;
import io.vavr.control.Either;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events as backends derive them survive the wire, as text and as trees, with the members no shape models. */
class BuildEventJsonRoundTripTest {

  @Test
  void anEventSurvivesEncodingAndDecoding() {
    Property.tries(500).forAll(EventGenerators.events(), event -> {
      assertThat(WireCodec.BUILD_EVENT.decode(WireCodec.BUILD_EVENT.encodeToString(event)))
          .isEqualTo(Either.right(event));
      assertThat(WireCodec.BUILD_EVENT.decode(WireCodec.BUILD_EVENT.encode(event))).isEqualTo(Either.right(event));
    });
  }

  @Test
  void theStreamedTextIsTheTreesText() {
    Property.tries(300).forAll(EventGenerators.events(), event -> {
      assertThat(WireCodec.BUILD_EVENT.encodeToString(event)).isEqualTo(JsonText.write(WireCodec.BUILD_EVENT.encode(event)));
    });
  }

  @Test
  void eachKindsOwnCodecAgreesWithTheCodecOfBoth() {
    Property.tries(200).forAll(EventGenerators.events(), event -> {
      WireCodec<? extends BuildEvent> own = event instanceof BuildStateChange
          ? WireCodec.BUILD_STATE_CHANGE
          : WireCodec.BUILD_PHASE_CHANGE;
      String text = WireCodec.BUILD_EVENT.encodeToString(event);

      assertThat(own.decode(text)).isEqualTo(Either.right(event));
    });
  }

  @Test
  void anOtherMemberThatIsNotJsonOrThatShadowsAModelledOneCannotBeEncoded() {
    BuildStateChange event = (BuildStateChange) BuildEventSamplesTest.decoded(BuildEventSamplesTest.STATE_CHANGE);

    assertThatThrownBy(() -> WireCodec.BUILD_EVENT.encode(event.withOtherMembers(Map.of("x", "{"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
    assertThatThrownBy(() -> WireCodec.BUILD_EVENT.encodeToString(event.withOtherMembers(Map.of("region", "\"b\""))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
  }
}
