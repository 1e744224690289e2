package io.buildstop.testkit.memory;

import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.ModelCheck;
import io.buildstop.testkit.properties.ModelCheck.Step;
import io.buildstop.testkit.properties.Property;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Model-based: generated sessions against the in-memory backend, each step checked against a model of what the
 * backend must hold ({@link StopperSimulation}), and after every step every stored build checked against spec §3.
 *
 * <p>Steps read like CLI calls, so a shrunk failure is a reproduction recipe; {@code <p1#2>} stands for the id
 * that the second {@code start-build --project-name p1} of the session returned.
 */
class InMemoryCodeBuildStatefulTest {

  @Test
  void theBackendKeepsToItsModelThroughAnySession() {
    Coverage<Boolean> stopped = Coverage.of("a running build was stopped");

    sessions().check(Property.tries(200), end -> stopped.collect(end.runningBuildsStopped() > 0));

    // the sessions must keep reaching the interesting case, or the property proves little
    stopped.requirePercentage(true, 40);
  }

  static ModelCheck<StopperSimulation> sessions() {
    return ModelCheck.startingWith(StopperSimulation::new)
        .steps(4, Gens.oneOf("p1", "p2", "web-app_3").map(project -> ModelCheck.<StopperSimulation>step(
            "start-build --project-name " + project, state -> state.startBuild(project))))
        .steps(4, onAStartedBuild((state, name) -> ModelCheck.perform(
            "stop-build --id <" + name + ">", () -> state.stopBuild(name, false))))
        .steps(1, onAStartedBuild((state, name) -> ModelCheck.perform(
            "stop-build --id " + StopperSimulation.ARN_PREFIX + "<" + name + ">", () -> state.stopBuild(name, true))))
        .steps(4, onAStartedBuild((state, name) -> ModelCheck.perform(
            "advance --id <" + name + ">", () -> state.advance(name))))
        .steps(2, Gens.oneOf(BuildLifecycle.FINAL_STATUSES).flatMap(status -> onAStartedBuild((state, name) ->
            ModelCheck.perform("complete --id <" + name + "> --status " + status, () -> state.complete(name, status)))))
        .steps(2, onAStartedBuild((state, name) -> ModelCheck.perform(
            "batch-get-builds --ids <" + name + ">", () -> state.read(name))))
        .steps(1, Gens.ints(2, 8).flatMap(threads -> onAStartedBuild((state, name) -> ModelCheck.perform(
            "stop-build --id <" + name + "> (" + threads + " callers at once)",
            () -> state.stopConcurrently(name, threads)))))
        .steps(1, Gens.oneOf("unknown:0000", "p1:00000000-0000-0000-0000-000000000000",
                StopperSimulation.ARN_PREFIX + "p2:gone")
            .map(id -> ModelCheck.<StopperSimulation>step("stop-build --id " + id, state -> state.stopUnknownBuild(id))))
        .steps(1, Gens.oneOf("", "bad id", "p1", ":x", "p1:", "p1:\u00fcber", "p1:a\tb", "p1:" + "a".repeat(253),
                "arn:aws:codebuild:us-east-1:123456789012:project/p1")
            .map(id -> ModelCheck.<StopperSimulation>step("stop-build --id '" + escaped(id) + "'",
                state -> state.stopMalformedId(id))))
        .steps(1, Gens.ints(0, 3).map(calls -> ModelCheck.<StopperSimulation>step(
            "fail-next-calls --count " + calls + " --with ThrottlingException", state -> state.failNextCalls(calls))))
        .invariant("every stored build is a real build (spec §3)", StopperSimulation::everyBuildIsReal)
        .invariant("the store matches the model", StopperSimulation::storeMatchesTheModel)
        .invariant("each build emitted its life once, in order", StopperSimulation::eachBuildEmittedItsLifeOnceInOrder)
        .maxSteps(30);
  }

  /** A step on one of the builds the session started, picked by index; it does not apply before the first start. */
  private static Gen<Step<StopperSimulation>> onAStartedBuild(
      BiFunction<StopperSimulation, String, Optional<String>> step) {
    return Gens.ints(0, 29).map(pick -> state -> state.hasBuilds()
        ? step.apply(state, state.pickBuild(pick))
        : Optional.empty());
  }

  private static String escaped(String id) {
    StringBuilder shown = new StringBuilder();
    for (char c : id.toCharArray()) {
      shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return shown.length() > 40 ? shown.substring(0, 20) + "...(" + id.length() + " chars)" : shown.toString();
  }

}
