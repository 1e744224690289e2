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

@DisplayName("BuildStore")
class BuildStoreTest {
  private static final Instant START = Instant.parse("2026-12-03T08:00:00Z");
  private final BuildStore store = new BuildStore(10);

  private static Build running(String id) {
    return Build.builder().id(id).projectName("api").buildNumber(1L).startTime(START)
        .buildStatus(StatusType.IN_PROGRESS).currentPhase(BuildPhaseType.BUILD).buildComplete(false).build();
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }

  private static Build stopped(int n) {
    String id = "api:00000000-0000-4000-8000-00000000000" + n;
    Build running = running(id).withArn("arn:aws:codebuild:us-east-1:123456789012:build/" + id)
        .withBuildNumber(n)
        .withStartTime(START.plusSeconds(n))
        .withPhases(io.buildstop.domain.model.BuildPhase.builder().phaseType(BuildPhaseType.BUILD)
            .startTime(START.plusSeconds(n)).build());
    return StopRules.stop(running, START.plusSeconds(n).plusMillis(1_500));
  }

  @Test
  @DisplayName("one key object per build, whatever copy of its id a caller holds")
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

  @Test
  @DisplayName("every change of a build is told once, with the build before and after; forgetting one is no change")
  void everyChangeIsToldOnceAndNothingElse() {
    java.util.List<String> told = new java.util.ArrayList<>();
    BuildStore observed = new BuildStore(2, 2, (before, after) -> told.add(
        before.flatMap(Build::buildStatusAsString).orElse("new") + " -> " + after.buildStatusAsString().orElseThrow()));
    Build first = running("api:00000000-0000-4000-8000-000000000001");
    Build second = running("api:00000000-0000-4000-8000-000000000002");
    Build third = running("api:00000000-0000-4000-8000-000000000003");

    observed.put(idOf(first), first, evicted -> { });
    observed.update(idOf(first), build -> StopRules.stop(build, START.plusSeconds(5)));
    // a stop of a complete build changes nothing: no transition
    observed.update(idOf(first), build -> StopRules.stop(build, START.plusSeconds(6)));
    observed.put(idOf(second), second, evicted -> { });
    // the store is full: the complete first build is evicted, which is no transition of it
    observed.put(idOf(third), third, evicted -> { });
    observed.delete(idOf(second));
    observed.clear();

    assertThat(told).containsExactly("new -> IN_PROGRESS", "IN_PROGRESS -> STOPPED", "new -> IN_PROGRESS",
        "new -> IN_PROGRESS");
  }

  @org.junit.jupiter.api.Nested
  @DisplayName("complete builds beyond the newest are held compact, and read back equal")
  class Compact {
    private final BuildStore compacting = new BuildStore(10, 2);

    @Test
    void theOldestCompleteBuildsBeyondTheNewestAreHeldCompactAndReadBackEqual() {
      java.util.List<Build> builds = new java.util.ArrayList<>();
      for (int n = 1; n <= 5; n++) {
        Build build = stopped(n);
        builds.add(build);
        compacting.put(idOf(build), build, evicted -> { });
      }

      assertThat(compacting.compactBuilds()).isEqualTo(3);
      for (Build build : builds) {
        assertThat(compacting.get(idOf(build))).contains(build);
      }
      assertThat(compacting.snapshot()).containsExactlyInAnyOrderElementsOf(builds);
    }

    @Test
    void aStopThatChangesNothingLeavesACompactBuildCompact() {
      for (int n = 1; n <= 3; n++) {
        compacting.put(idOf(stopped(n)), stopped(n), evicted -> { });
      }
      assertThat(compacting.compactBuilds()).isEqualTo(1);

      Optional<Build> again = compacting.update(idOf(stopped(1)), build -> StopRules.stop(build, START.plusSeconds(99)));

      assertThat(again).contains(stopped(1));
      assertThat(compacting.compactBuilds()).isEqualTo(1);
    }

    @Test
    void aCompactBuildReplacedByARunningOneIsWholeAgainAndRunning() {
      for (int n = 1; n <= 3; n++) {
        compacting.put(idOf(stopped(n)), stopped(n), evicted -> { });
      }
      Build restarted = running(stopped(1).id().orElseThrow());

      compacting.put(idOf(restarted), restarted, evicted -> { });

      assertThat(compacting.compactBuilds()).isZero();
      assertThat(compacting.get(idOf(restarted))).contains(restarted);
      assertThat(compacting.running()).containsExactly(idOf(restarted));
    }

    @Test
    void aBuildTheCompactFormCannotHoldStaysWhole() {
      // an ARN that does not end with the id: no shape can rebuild it
      Build odd = stopped(1).withArn("arn:aws:codebuild:us-east-1:123456789012:build/elsewhere");
      compacting.put(idOf(odd), odd, evicted -> { });
      for (int n = 2; n <= 4; n++) {
        compacting.put(idOf(stopped(n)), stopped(n), evicted -> { });
      }

      assertThat(compacting.compactBuilds()).isEqualTo(1);
      assertThat(compacting.get(idOf(odd))).contains(odd);
    }

    @Test
    void evictionAndClearForgetCompactBuilds() {
      BuildStore small = new BuildStore(3, 1);
      java.util.List<BuildId> evictedIds = new java.util.ArrayList<>();
      for (int n = 1; n <= 5; n++) {
        small.put(idOf(stopped(n)), stopped(n), evictedIds::add);
      }

      assertThat(evictedIds).containsExactly(idOf(stopped(1)), idOf(stopped(2)));
      assertThat(small.size()).isEqualTo(3);
      assertThat(small.compactBuilds()).isEqualTo(2);
      assertThat(small.page(Optional.empty(), true, Optional.empty(), 10)).extracting(Map.Entry::getValue)
          .containsExactly(idOf(stopped(3)), idOf(stopped(4)), idOf(stopped(5)));

      small.clear();
      assertThat(small.compactBuilds()).isZero();
      assertThat(small.size()).isZero();
    }

    @Test
    void aStoreThatCannotOutgrowItsWholeBuildsNeverCompacts() {
      BuildStore whole = new BuildStore(3, 3);
      for (int n = 1; n <= 5; n++) {
        whole.put(idOf(stopped(n)), stopped(n), evicted -> { });
      }

      assertThat(whole.compactBuilds()).isZero();
    }
  }
}
