package io.buildstop.workflows;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.memory.StopLogicCheck;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stop-and-wait on web's newest build, run after every event of a generated CodeBuild history whose stops take 45
 * seconds to settle, through the testkit's {@link StopLogicCheck}: it returns the target complete, stopped if it was
 * running, and stops no other build.
 */
class StopAndWaitModelTest {
  private static final Sleeper NO_WAIT = duration -> { };
  private static final Duration STOP_LATENCY = Duration.ofSeconds(45);

  /** What one run did: the build it stopped and waited for, and how that ended. */
  record Attempt(String id, Either<StopAndWaitFailure<Build>, Build> outcome) { }

  @Test
  void returnsTheNewestWebBuildCompleteStoppedIfItWasRunningAndStopsNoOtherBuild() {
    Coverage<String> outcomes = Coverage.of("how the target ended");

    StopLogicCheck.<Optional<Attempt>>of((codeBuild, clock) -> codeBuild.builds().stream()
            .filter(build -> build.projectName().equals(Optional.of("web")))
            .max(Comparator.comparing((Build build) -> build.startTime().orElseThrow()))
            .map(target -> new Attempt(target.id().orElseThrow(), StopAndWait.with(codeBuild, codeBuild)
                .clock(clock).sleeper(NO_WAIT).timeout(Duration.ofMinutes(5)).run(target.id().orElseThrow()))))
        .projects("web", "api").sourceVersions("main")
        .stopLatency(STOP_LATENCY)
        .property("it always ends with the target complete: stops settle well within the timeout, and every injected"
            + " failure is retried",
            run -> run.result().stream().allMatch(attempt -> attempt.outcome().isRight()
                && attempt.outcome().get().id().equals(Optional.of(attempt.id()))
                && attempt.outcome().get().buildComplete().equals(Optional.of(true))))
        .property("a target that was running ends STOPPED; one that was complete keeps its status",
            run -> run.result().stream().allMatch(attempt -> {
              Optional<StatusType> before = run.before(attempt.id()).flatMap(Build::buildStatus);
              Optional<StatusType> after = attempt.outcome().get().buildStatus();
              return before.equals(Optional.of(StatusType.IN_PROGRESS))
                  ? after.equals(Optional.of(StatusType.STOPPED)) : after.equals(before);
            }))
        .property("it stops no build but the target (others' stops may settle meanwhile)",
            run -> run.stopCalls().stream().allMatch(
                call -> run.result().map(Attempt::id).equals(Optional.of(call.requestedId()))))
        .observe(run -> run.result().ifPresent(attempt -> outcomes.collect(
            run.before(attempt.id()).flatMap(Build::buildStatus).map(Enum::name).orElse("none") + " -> "
                + attempt.outcome().get().buildStatus().map(Enum::name).orElse("none"))))
        .check(Property.tries(200));

    outcomes.requirePercentage("IN_PROGRESS -> STOPPED", 1);
  }
}
