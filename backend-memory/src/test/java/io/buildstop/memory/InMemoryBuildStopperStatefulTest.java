package io.buildstop.memory;

import io.buildstop.domain.lifecycle.BuildLifecycle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * Model-based: random sessions against the in-memory backend, each step checked against a model of what the
 * backend must hold ({@link StopperSimulation}), and after every step every stored build checked against spec §3.
 *
 * <p>Steps read like CLI calls, so a shrunk failure is a reproduction recipe; {@code <p1#2>} stands for the id
 * that the second {@code start-build --project-name p1} of the session returned.
 */
class InMemoryBuildStopperStatefulTest {

  @Property(tries = 200)
  void theBackendKeepsToItsModelThroughAnySession(@ForAll("sessions") ActionChain<StopperSimulation> chain) {
    StopperSimulation end = chain
        .withInvariant("every stored build is a real build (spec §3)", StopperSimulation::everyBuildIsReal)
        .withInvariant("the store matches the model", StopperSimulation::storeMatchesTheModel)
        .run();

    // the sessions must keep reaching the interesting case, or the property proves little
    Statistics.label("a running build was stopped").collect(end.runningBuildsStopped() > 0);
    Statistics.label("a running build was stopped")
        .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 40));
  }

  @Provide
  Arbitrary<ActionChain<StopperSimulation>> sessions() {
    return ActionChain.startWith(StopperSimulation::new)
        .withAction(4, new StartBuild())
        .withAction(4, new StopBuild())
        .withAction(1, new StopBuildByArn())
        .withAction(4, new Advance())
        .withAction(2, new Complete())
        .withAction(1, new StopUnknownBuild())
        .withAction(1, new StopMalformedId())
        .withAction(1, new FailNextCalls())
        .withMaxTransformations(30);
  }

  /** An action on a build the session started; only once there is one. */
  private abstract static class OnAStartedBuild implements Action.Dependent<StopperSimulation> {
    @Override
    public boolean precondition(StopperSimulation state) {
      return state.hasBuilds();
    }

    Arbitrary<String> startedBuilds(StopperSimulation state) {
      return Arbitraries.of(state.buildNames());
    }
  }

  private static final class StartBuild implements Action.Independent<StopperSimulation> {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer() {
      return Arbitraries.of("p1", "p2", "web-app_3").map(project -> Transformer.mutate(
          "start-build --project-name " + project, state -> state.startBuild(project)));
    }
  }

  private static final class StopBuild extends OnAStartedBuild {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer(StopperSimulation state) {
      return startedBuilds(state).map(name -> Transformer.mutate(
          "stop-build --id <" + name + ">", simulation -> simulation.stopBuild(name, false)));
    }
  }

  private static final class StopBuildByArn extends OnAStartedBuild {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer(StopperSimulation state) {
      return startedBuilds(state).map(name -> Transformer.mutate(
          "stop-build --id " + StopperSimulation.ARN_PREFIX + "<" + name + ">",
          simulation -> simulation.stopBuild(name, true)));
    }
  }

  private static final class Advance extends OnAStartedBuild {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer(StopperSimulation state) {
      return startedBuilds(state).map(name -> Transformer.mutate(
          "advance --id <" + name + ">", simulation -> simulation.advance(name)));
    }
  }

  private static final class Complete extends OnAStartedBuild {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer(StopperSimulation state) {
      return Combinators.combine(startedBuilds(state), Arbitraries.of(BuildLifecycle.FINAL_STATUSES))
          .as((name, status) -> Transformer.mutate(
              "complete --id <" + name + "> --status " + status, simulation -> simulation.complete(name, status)));
    }
  }

  private static final class StopUnknownBuild implements Action.Independent<StopperSimulation> {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer() {
      return Arbitraries.of("unknown:0000", "p1:00000000-0000-0000-0000-000000000000",
              StopperSimulation.ARN_PREFIX + "p2:gone")
          .map(id -> Transformer.mutate("stop-build --id " + id, state -> state.stopUnknownBuild(id)));
    }
  }

  private static final class StopMalformedId implements Action.Independent<StopperSimulation> {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer() {
      return Arbitraries.of("", "bad id", "p1", ":x", "p1:", "p1:\u00fcber", "p1:a\tb", "p1:" + "a".repeat(253),
              "arn:aws:codebuild:us-east-1:123456789012:project/p1")
          .map(id -> Transformer.mutate("stop-build --id '" + escaped(id) + "'",
              state -> state.stopMalformedId(id)));
    }

    private static String escaped(String id) {
      StringBuilder shown = new StringBuilder();
      for (char c : id.toCharArray()) {
        shown.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
      return shown.length() > 40 ? shown.substring(0, 20) + "...(" + id.length() + " chars)" : shown.toString();
    }
  }

  private static final class FailNextCalls implements Action.Independent<StopperSimulation> {
    @Override
    public Arbitrary<Transformer<StopperSimulation>> transformer() {
      return Arbitraries.integers().between(0, 3).map(calls -> Transformer.mutate(
          "fail-next-calls --count " + calls + " --with ThrottlingException",
          state -> state.failNextCalls(calls)));
    }
  }
}
