package io.buildstop.workflows;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.memory.StopLogicCheck;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stop-runaway run after every event of a generated CodeBuild history in which time passes (pauses of up to 20
 * minutes), through the testkit's {@link StopLogicCheck}: it stops only web's builds that ran longer than the age,
 * and without injected failures it leaves none of them running.
 */
class StopRunawayModelTest {
  private static final Sleeper NO_WAIT = duration -> { };
  private static final Duration AGE = Duration.ofMinutes(10);

  @Test
  void stopsOnlyTheProjectsBuildsThatRanLongerThanTheAgeAndLeavesNoneOfThemRunning() {
    Coverage<Boolean> stoppedSomething = Coverage.of("a run stopped a runaway build");

    StopLogicCheck.<Either<StopFailure, StopReport>>of((codeBuild, clock) -> StopRunaway.of(codeBuild, codeBuild)
            .projects("web").olderThan(AGE).clock(clock).sleeper(NO_WAIT).run())
        .projects("web", "api").sourceVersions("main", "feature")
        .timePasses(Duration.ofMinutes(20))
        .property("it never fails as a whole: reads are retried past every injected failure",
            run -> run.result().isRight())
        .property("every build it changed was web's, running, started more than the age before the run ended, and"
            + " is now STOPPED",
            run -> run.changed().stream().allMatch(build -> build.projectName().equals(Optional.of("web"))
                && run.before(build.id().orElseThrow()).flatMap(Build::buildStatus).equals(
                    Optional.of(StatusType.IN_PROGRESS))
                && build.startTime().orElseThrow().isBefore(run.endedAt().minus(AGE))
                && build.buildStatus().equals(Optional.of(StatusType.STOPPED))))
        .property("without injected failures, no web build that had run longer than the age when it started is left"
            + " running",
            run -> run.failuresInjected() > 0
                || runningStartedBefore(run.after(), run.startedAt().minus(AGE)).isEmpty())
        .property("every build it reports as stopped is one it changed",
            run -> run.result().get().lines().stream()
                .filter(line -> line.outcome() instanceof Outcome.Stopped<?>)
                .allMatch(line -> run.changed().stream().anyMatch(
                    build -> build.id().equals(Optional.of(line.id().value())))))
        .observe(run -> stoppedSomething.collect(!run.changed().isEmpty()))
        .check(Property.tries(200));

    stoppedSomething.requirePercentage(true, 1);
  }

  private static List<Build> runningStartedBefore(List<Build> builds, Instant cutoff) {
    return builds.stream()
        .filter(build -> build.projectName().equals(Optional.of("web")))
        .filter(build -> build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS)))
        .filter(build -> build.startTime().orElseThrow().isBefore(cutoff))
        .toList();
  }
}
