package io.buildstop.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BuildStore: one key object per build, whatever copy of its id a caller holds")
class BuildStoreTest {
  private static final Instant START = Instant.parse("2026-12-03T08:00:00Z");
  private final BuildStore store = new BuildStore(10);

  private static Build running(String id) {
    return Build.builder().id(id).projectName("api").buildNumber(1L).startTime(START)
        .buildStatus(StatusType.IN_PROGRESS).currentPhase(BuildPhaseType.BUILD).buildComplete(false).build();
  }

  @Test
  void anUpdateThroughAnEqualCopyOfTheIdLeavesTheStoredKeyInTheIndexes() {
    String id = "api:" + "6f1c3ee8-0c3c-4a5e-9d2f-3c8a7a1b2c3d";
    BuildId stored = BuildId.parse(id).get();
    store.put(stored, running(id), evicted -> { });
    // what a StopBuild parses from the request: equal, not the same object
    BuildId parsed = BuildId.parse(new String(id)).get();

    Optional<Build> stopped = store.update(parsed, build -> StopRules.stop(build, START.plusSeconds(60)));

    assertThat(stopped.flatMap(Build::buildStatus)).contains(StatusType.STOPPED);
    for (Optional<String> project : java.util.List.of(Optional.<String>empty(), Optional.of("api"))) {
      Map.Entry<?, BuildId> only = store.page(project, true, Optional.empty(), 10).get(0);
      assertThat(only.getValue()).isEqualTo(parsed).isSameAs(stored);
    }
  }
}
