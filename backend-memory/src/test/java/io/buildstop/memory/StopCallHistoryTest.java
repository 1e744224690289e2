package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;


import org.junit.jupiter.api.Test;

/** The call history is bounded: a long-running endpoint must not keep every StopBuild it answered. */
class StopCallHistoryTest {

  @Test
  void keepsOnlyTheMostRecentCallsOldestFirst() {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().stopCallHistory(3).build();

    for (int call = 1; call <= 5; call++) {
      codeBuild.stopBuild("history-project:unknown-" + call);
    }

    assertThat(codeBuild.stopCalls()).extracting(StopCall::requestedId)
        .containsExactly("history-project:unknown-3", "history-project:unknown-4", "history-project:unknown-5");
  }

  @Test
  void aHistoryOfNothingKeepsNothingAndStillStops() {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().stopCallHistory(0).build();
    String id = codeBuild.startBuild("history-project").get().id().orElseThrow();

    assertThat(codeBuild.stopBuild(id).isRight()).isTrue();
    assertThat(codeBuild.stopCalls()).isEmpty();
  }

  @Test
  void keepsTenThousandByDefaultAndRefusesANegativeBound() {
    assertThat(InMemoryCodeBuild.Builder.DEFAULT_STOP_CALL_HISTORY).isEqualTo(10_000);
    assertThatIllegalArgumentException().isThrownBy(() -> InMemoryCodeBuild.builder().stopCallHistory(-1));
    // the ring reserves its slots up front: an unbounded history is refused rather than failing to allocate
    assertThatIllegalArgumentException()
        .isThrownBy(() -> InMemoryCodeBuild.builder().stopCallHistory(Integer.MAX_VALUE));
    assertThat(InMemoryCodeBuild.builder().stopCallHistory(1_000_000).build().stopCalls()).isEmpty();
  }
}
