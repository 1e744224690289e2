package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.arbitraries.BuildArbitraries.latestInstant;
import static io.buildstop.domain.lifecycle.Surgery.last;
import static io.buildstop.domain.lifecycle.Surgery.withoutLifecycle;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.Build;
import io.buildstop.domain.BuildPhase;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.arbitraries.BuildArbitraries;
import io.buildstop.domain.arbitraries.BuildDomain;
import io.buildstop.domain.arbitraries.Completed;
import io.buildstop.domain.arbitraries.Real;
import io.buildstop.domain.arbitraries.Running;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** start, advance and complete keep every build real (spec §3) and end it once. */
@Domain(BuildDomain.class)
@Domain(DomainContext.Global.class)
@Label("BuildLifecycle (spec §3)")
class BuildLifecyclePropertiesTest {

  @Provide
  Arbitrary<Long> gaps() {
    return BuildArbitraries.gapsInMillis();
  }

  @Provide
  Arbitrary<StatusType> finalStatuses() {
    return Arbitraries.of(BuildLifecycle.FINAL_STATUSES);
  }

  @Group
  @Label("every result is a real build")
  class Invariants {
    @Property(tries = 300)
    void stopAdvanceAndCompleteOnARealBuildGiveRealBuilds(
        @ForAll @Real Build build, @ForAll Instant at, @ForAll("finalStatuses") StatusType status) {
      assertThat(BuildInvariants.check(StopRules.stop(build, at)).isRight()).isTrue();
      assertThat(BuildInvariants.check(BuildLifecycle.advance(build, at)).isRight()).isTrue();
      assertThat(BuildInvariants.check(BuildLifecycle.complete(build, status, at)).isRight()).isTrue();
    }

    @Property(tries = 200)
    void startGivesARealBuildRunningInQueued(
        @ForAll Build configuration, @ForAll Instant submittedAt, @ForAll("gaps") long queueGap) {
      Build started = BuildLifecycle.start(configuration, submittedAt, submittedAt.plusMillis(queueGap));

      assertThat(BuildInvariants.violations(started)).isEmpty();
      assertThat(started.currentPhase()).contains(BuildPhaseType.QUEUED);
      assertThat(withoutLifecycle(started).withStartTime(configuration.startTime()))
          .isEqualTo(withoutLifecycle(configuration));
    }
  }

  @Group
  @Label("advance")
  class Advance {
    @Property(tries = 300)
    void aRunningBuildMovesToTheNextPhaseOrSucceedsAfterFinalizing(
        @ForAll @Running Build running, @ForAll("gaps") long gap) {
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
    }

    @Property(tries = 200)
    void aCompletedBuildIsReturnedUnchanged(@ForAll @Completed Build completed, @ForAll Instant at) {
      assertThat(BuildLifecycle.advance(completed, at)).isSameAs(completed);
    }
  }

  @Group
  @Label("complete")
  class Complete {
    @Property(tries = 300)
    void aRunningBuildEndsWithTheStatusTheMarkerAndItsEndTime(
        @ForAll @Running Build running, @ForAll("finalStatuses") StatusType status, @ForAll("gaps") long gap) {
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
    }

    @Property(tries = 200)
    void aCompletedBuildIsReturnedUnchanged(
        @ForAll @Completed Build completed, @ForAll("finalStatuses") StatusType status, @ForAll Instant at) {
      assertThat(BuildLifecycle.complete(completed, status, at)).isSameAs(completed);
    }
  }

  @Group
  @Label("any sequence of lifecycle calls")
  class Sequences {
    @Provide
    Arbitrary<ActionChain<Build>> lifecycleCalls() {
      return BuildArbitraries.runningBuilds().flatMap(running -> ActionChain.<Build>startWith(() -> running)
          .withAction(3, new AtLaterInstant("advance", BuildLifecycle::advance))
          .withAction(new AtLaterInstant("stop-build", StopRules::stop))
          .withAction(new AtLaterInstant("complete --status SUCCEEDED",
              (build, at) -> BuildLifecycle.complete(build, StatusType.SUCCEEDED, at)))
          .withAction(new AtLaterInstant("complete --status FAILED",
              (build, at) -> BuildLifecycle.complete(build, StatusType.FAILED, at)))
          .withMaxTransformations(12));
    }

    @Property(tries = 100)
    void keepTheBuildRealAndEndItOnce(@ForAll("lifecycleCalls") ActionChain<Build> chain) {
      Build[] previous = new Build[1];
      chain.withInvariant("every state is a real build",
              build -> assertThat(BuildInvariants.violations(build)).isEmpty())
          .withInvariant("a finished build never changes again", build -> {
            if (previous[0] != null && !StopRules.isStoppable(previous[0])) {
              assertThat(build).isSameAs(previous[0]);
            }
            previous[0] = build;
          })
          .run();
    }
  }

  /** A lifecycle call at an instant after everything the build records, described like a CLI call. */
  private static final class AtLaterInstant implements Action.Dependent<Build> {
    private final String command;
    private final BiFunction<Build, Instant, Build> call;

    AtLaterInstant(String command, BiFunction<Build, Instant, Build> call) {
      this.command = command;
      this.call = call;
    }

    @Override
    public Arbitrary<Transformer<Build>> transformer(Build state) {
      return BuildArbitraries.gapsInMillis().map(gap -> {
        Instant at = latestInstant(state).plusMillis(gap);
        return Transformer.transform(command + " --at " + at, build -> call.apply(build, at));
      });
    }
  }
}
