package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A backend holds at most {@code maxBuilds} builds: a new one evicts the oldest complete build, and with every build
 * running it is refused as CodeBuild refuses one over a limit, so that memory stays bounded.
 */
class BoundedStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).maxBuilds(3).build();

  private String start() {
    clock.advance(Duration.ofSeconds(1));
    return codeBuild.startBuild("web").get().id().orElseThrow();
  }

  @Test
  void aNewBuildBeyondTheLimitEvictsTheOldestCompleteBuildAndCountsIt() {
    String oldestRunning = start();
    String oldestComplete = start();
    String newerComplete = start();
    codeBuild.complete(oldestComplete, StatusType.SUCCEEDED).get();
    codeBuild.complete(newerComplete, StatusType.FAILED).get();

    String fourth = start();

    assertThat(codeBuild.builds()).extracting(build -> build.id().orElseThrow())
        .containsExactlyInAnyOrder(oldestRunning, newerComplete, fourth);
    assertThat(codeBuild.evictedBuilds()).isEqualTo(1);
    assertThat(codeBuild.stopBuild(oldestComplete).getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
  }

  @Test
  void withEveryBuildRunningANewBuildIsRefusedAsAnAccountLimitAndNothingIsHeld() {
    start();
    start();
    start();

    StopFailure refused = codeBuild.startBuild("web").getLeft();
    StopFailure refusedPut = codeBuild.put(Build.builder().id("web:00000000-0000-4000-8000-000000000009")
        .projectName("web").buildStatus(StatusType.SUCCEEDED).build()).getLeft();

    assertThat(refused).isInstanceOf(StopFailure.LimitExceeded.class);
    assertThat(refused.message()).contains("3 builds");
    assertThat(refusedPut).isInstanceOf(StopFailure.LimitExceeded.class);
    assertThat(codeBuild.builds()).hasSize(3);
    assertThat(codeBuild.evictedBuilds()).isZero();
  }

  @Test
  void replacingAHeldBuildNeedsNoRoom() {
    start();
    start();
    Build third = codeBuild.startBuild("web").get();

    assertThat(codeBuild.put(third.withInitiator("seeded")).isRight()).isTrue();
    assertThat(codeBuild.builds()).hasSize(3);
  }

  @Test
  void runningBuildsAreTheBuildsInProgressAndNoOthers() {
    String running = start();
    String stopped = start();
    codeBuild.stopBuild(stopped).get();

    assertThat(codeBuild.runningBuilds()).extracting(build -> build.id().orElseThrow()).containsExactly(running);
  }

  @Test
  void aListingContinuesAfterItsLastBuildEvenWhenThatBuildWasEvicted() {
    InMemoryCodeBuild big = InMemoryCodeBuild.builder().clock(clock).maxBuilds(150).build();
    for (int i = 0; i < 150; i++) {
      clock.advance(Duration.ofSeconds(1));
      String id = big.startBuild("web").get().id().orElseThrow();
      big.complete(id, StatusType.SUCCEEDED).get();
    }
    BuildIdPage first = big.listBuilds(SortOrderType.ASCENDING, Optional.empty()).get();
    // the next build evicts the oldest, then the next ten: among them the first page's last
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofSeconds(1));
      big.startBuild("web").get();
    }

    BuildIdPage second = big.listBuilds(SortOrderType.ASCENDING, first.nextToken()).get();

    assertThat(big.evictedBuilds()).isEqualTo(100);
    assertThat(big.build(first.ids().get(99))).isEmpty();
    assertThat(second.ids()).hasSize(100).doesNotContainAnyElementsOf(first.ids());
    assertThat(second.ids().get(0).value()).isNotEqualTo(first.ids().get(99).value());
    assertThat(big.build(BuildId.parse(second.ids().get(0).value()).get())).isPresent();
  }
}
