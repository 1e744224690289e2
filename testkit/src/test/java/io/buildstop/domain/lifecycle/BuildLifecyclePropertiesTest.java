package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Surgery.last;
import static io.buildstop.domain.lifecycle.Surgery.withoutLifecycle;
import static io.buildstop.testkit.generators.BuildGenerators.latestInstant;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.ModelCheck;
import io.buildstop.testkit.properties.Property;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** start, advance and complete keep every build real (spec §3) and end it once. */
@DisplayName("BuildLifecycle (spec §3)")
class BuildLifecyclePropertiesTest {

  Gen<Long> gaps() {
    return BuildGenerators.gapsInMillis();
  }

  Gen<StatusType> finalStatuses() {
    return Gens.oneOf(BuildLifecycle.FINAL_STATUSES);
  }

  @Nested
  @DisplayName("every result is a real build")
  class Invariants {
    @Test
    void stopAdvanceAndCompleteOnARealBuildGiveRealBuilds() {
      Property.tries(300).forAll(
          BuildGenerators.realBuilds(), ValueGenerators.instants(), finalStatuses(),
          (build, at, status) -> {
        assertThat(BuildInvariants.check(StopRules.stop(build, at)).isRight()).isTrue();
        assertThat(BuildInvariants.check(BuildLifecycle.advance(build, at)).isRight()).isTrue();
        assertThat(BuildInvariants.check(BuildLifecycle.complete(build, status, at)).isRight()).isTrue();
      });
    }

    @Test
    void startGivesARealBuildRunningInQueued() {
      Property.tries(200).forAll(
          BuildGenerators.anyBuilds(), ValueGenerators.instants(), gaps(),
          (configuration, submittedAt, queueGap) -> {
        Build started = BuildLifecycle.start(configuration, submittedAt, submittedAt.plusMillis(queueGap));

        assertThat(BuildInvariants.violations(started)).isEmpty();
        assertThat(started.currentPhase()).contains(BuildPhaseType.QUEUED);
        assertThat(withoutLifecycle(started).withStartTime(configuration.startTime()))
            .isEqualTo(withoutLifecycle(configuration));
      });
    }
  }

  @Nested
  @DisplayName("advance")
  class Advance {
    @Test
    void aRunningBuildMovesToTheNextPhaseOrSucceedsAfterFinalizing() {
      Property.tries(300).forAll(BuildGenerators.runningBuilds(), gaps(), (running, gap) -> {
        Instant at = latestInstant(running).plusMillis(gap);
        BuildPhaseType current = running.currentPhase().orElseThrow();

        Build advanced = BuildLifecycle.advance(running, at);

        if (current == BuildPhaseType.FINALIZING) {
          assertThat(advanced).isEqualTo(BuildLifecycle.complete(running, StatusType.SUCCEEDED, at));
        } else {
          List<BuildPhaseType> order = BuildLifecycle.RUNNING_PHASES;
          BuildPhaseType next = order.get(order.indexOf(current) + 1);
          assertThat(advanced.currentPhase()).contains(next);
          assertThat(advanced.phases()).hasSize(running.phases().size() + 1);
          assertThat(last(advanced)).isEqualTo(BuildPhase.builder().phaseType(next).startTime(at).build());
          assertThat(advanced.phases().get(running.phases().size() - 1).phaseStatus()).contains(StatusType.SUCCEEDED);
          assertThat(advanced.buildStatus()).contains(StatusType.IN_PROGRESS);
        }
      });
    }

    @Test
    void aCompletedBuildIsReturnedUnchanged() {
      Property.tries(200).forAll(BuildGenerators.completedBuilds(), ValueGenerators.instants(), (completed, at) -> {
        assertThat(BuildLifecycle.advance(completed, at)).isSameAs(completed);
      });
    }
  }

  @Nested
  @DisplayName("complete")
  class Complete {
    @Test
    void aRunningBuildEndsWithTheStatusTheMarkerAndItsEndTime() {
      Property.tries(300).forAll(BuildGenerators.runningBuilds(), finalStatuses(), gaps(), (running, status, gap) -> {
        Instant at = latestInstant(running).plusMillis(gap);

        Build completed = BuildLifecycle.complete(running, status, at);

        assertThat(completed.buildStatus()).contains(status);
        assertThat(completed.buildComplete()).contains(true);
        assertThat(completed.currentPhase()).contains(BuildPhaseType.COMPLETED);
        assertThat(completed.endTime()).contains(at);
        assertThat(last(completed)).isEqualTo(
            BuildPhase.builder().phaseType(BuildPhaseType.COMPLETED).startTime(at).build());
        assertThat(completed.phases().get(running.phases().size() - 1).phaseStatus()).contains(status);
        assertThat(withoutLifecycle(completed)).isEqualTo(withoutLifecycle(running));
      });
    }

    @Test
    void aCompletedBuildIsReturnedUnchanged() {
      Property.tries(200).forAll(
          BuildGenerators.completedBuilds(), finalStatuses(), ValueGenerators.instants(),
          (completed, status, at) -> {
        assertThat(BuildLifecycle.complete(completed, status, at)).isSameAs(completed);
      });
    }
  }

  @Nested
  @DisplayName("any sequence of lifecycle calls")
  class Sequences {
    /** The build a session runs on, and the one before the last step. */
    private static final class Lifecycle {
      Build build;
      Build previous;

      Lifecycle(Build running) {
        this.build = running;
      }

      Optional<String> call(String command, BiFunction<Build, Instant, Build> call, long gap) {
        Instant at = latestInstant(build).plusMillis(gap);
        previous = build;
        build = call.apply(build, at);
        return Optional.of(command + " --at " + at);
      }
    }

    private static Gen<ModelCheck.Step<Lifecycle>> atLaterInstant(String command,
        BiFunction<Build, Instant, Build> call) {
      return BuildGenerators.gapsInMillis().map(gap -> lifecycle -> lifecycle.call(command, call, gap));
    }

    @Test
    void keepTheBuildRealAndEndItOnce() {
      ModelCheck.startingFrom(BuildGenerators.runningBuilds(), Lifecycle::new)
          .steps(3, atLaterInstant("advance", BuildLifecycle::advance))
          .steps(1, atLaterInstant("stop-build", StopRules::stop))
          .steps(1, atLaterInstant("complete --status SUCCEEDED",
              (build, at) -> BuildLifecycle.complete(build, StatusType.SUCCEEDED, at)))
          .steps(1, atLaterInstant("complete --status FAILED",
              (build, at) -> BuildLifecycle.complete(build, StatusType.FAILED, at)))
          .maxSteps(12)
          .invariant("every state is a real build", lifecycle -> BuildInvariants.violations(lifecycle.build).isEmpty())
          .invariant("a finished build never changes again", lifecycle -> lifecycle.previous == null
              || StopRules.isStoppable(lifecycle.previous) || lifecycle.build == lifecycle.previous)
          .check(Property.tries(100));
    }
  }
}
