package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store of decoded builds holds each repeated value once: a decoded build's strings that every build repeats
 * are canonical, and its phase boundaries are one instant each (BENCHMARKS.md, heap per build). Values are what
 * the round-trip tests pin; these tests pin only that equal values are the same object.
 */
class DecodedBuildsShareRepeatedValuesTest {
  private final String captured = Fixtures.text(Fixtures.STOP_BUILD);

  @Test
  void twoDecodedBuildsShareTheirEnumValuesNamesAndEmptyStrings() {
    Build first = WireCodec.STOP_BUILD_RESPONSE.decode(captured).get();
    Build second = WireCodec.STOP_BUILD_RESPONSE.decode(captured).get();

    assertThat(second.buildStatusAsString().orElseThrow()).isSameAs(first.buildStatusAsString().orElseThrow());
    assertThat(second.phases().get(0).phaseTypeAsString().orElseThrow())
        .isSameAs(first.phases().get(0).phaseTypeAsString().orElseThrow());
    assertThat(second.projectName().orElseThrow()).isSameAs(first.projectName().orElseThrow());
    assertThat(second.environment().orElseThrow().image().orElseThrow())
        .isSameAs(first.environment().orElseThrow().image().orElseThrow());
    assertThat(second.logs().orElseThrow().groupName().orElseThrow())
        .isSameAs(first.logs().orElseThrow().groupName().orElseThrow());
    assertThat(second.phases().get(2).contexts().get(0).message().orElseThrow())
        .isSameAs(first.phases().get(2).contexts().get(0).message().orElseThrow());
  }

  @Test
  void aBuildsOwnValuesAreNotLookedUp() {
    Build first = WireCodec.STOP_BUILD_RESPONSE.decode(captured).get();
    Build second = WireCodec.STOP_BUILD_RESPONSE.decode(captured).get();

    // interning a value no other build has would cost a table entry and save nothing
    assertThat(second.id().orElseThrow()).isEqualTo(first.id().orElseThrow()).isNotSameAs(first.id().orElseThrow());
    assertThat(second.arn().orElseThrow()).isNotSameAs(first.arn().orElseThrow());
    assertThat(second.logs().orElseThrow().deepLink().orElseThrow())
        .isNotSameAs(first.logs().orElseThrow().deepLink().orElseThrow());
  }

  @Test
  void aPhaseEndsAtTheSameInstantObjectTheNextOneStartsAt() {
    Build build = WireCodec.STOP_BUILD_RESPONSE.decode(captured).get();
    List<BuildPhase> phases = build.phases();

    assertThat(build.startTime().orElseThrow()).isSameAs(phases.get(0).startTime().orElseThrow());
    for (int i = 0; i + 1 < phases.size(); i++) {
      assertThat(phases.get(i + 1).startTime().orElseThrow()).as("phase %d", i)
          .isSameAs(phases.get(i).endTime().orElseThrow());
    }
    assertThat(build.endTime().orElseThrow()).isSameAs(phases.get(phases.size() - 1).startTime().orElseThrow());
  }

  @Test
  void instantsAreNotSharedAcrossDocuments() {
    Build first = WireCodec.STOP_BUILD_RESPONSE.decode(captured).get();
    Build second = WireCodec.STOP_BUILD_RESPONSE.decode(captured).get();

    // the table lives for one decode: a long-running decoder keeps no instant it has seen
    assertThat(second.startTime().orElseThrow()).isNotSameAs(first.startTime().orElseThrow());
  }
}
