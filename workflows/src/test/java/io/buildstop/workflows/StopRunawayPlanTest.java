package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runaway plan on its own, a pure function: what the contract cannot reach through one backend's listing. */
class StopRunawayPlanTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration AGE = Duration.ofHours(2);

  @Test
  void plansOnlyTheGivenProjectsInProgressBuildsStartedStrictlyBeforeTheCutoff() {
    Build runaway = running("api", "api:1", NOW.minus(AGE).minusMillis(1));
    Build exactlyAtTheCutoff = running("api", "api:2", NOW.minus(AGE));
    Build recent = running("api", "api:3", NOW.minusSeconds(60));
    Build finished = BuildLifecycle.complete(running("api", "api:4", NOW.minus(Duration.ofHours(5))),
        StatusType.FAILED, NOW.minus(Duration.ofHours(4)));
    Build otherProject = running("web", "web:1", NOW.minus(Duration.ofHours(9)));
    Build noStartTime = running("api", "api:5", NOW.minus(Duration.ofHours(9))).withStartTime(Optional.empty());

    List<Build> plan = StopRunaway.plan(
        List.of(runaway, exactlyAtTheCutoff, recent, finished, otherProject, noStartTime, runaway),
        Set.of("api"), NOW, AGE);

    assertThat(plan).containsExactly(runaway);
  }

  private static Build running(String project, String id, Instant startedAt) {
    return BuildLifecycle.start(Build.builder().projectName(project).id(id).build(), startedAt);
  }
}
