package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.arbitraries.BuildArbitraries.latestInstant;
import static io.buildstop.domain.lifecycle.Surgery.flooredSeconds;
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
import io.buildstop.domain.arbitraries.ValueArbitraries;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/** The stop rules of spec §4 as properties over builds in every real state. */
@Domain(BuildDomain.class)
@Domain(DomainContext.Global.class)
@Label("StopRules (spec §4)")
class StopRulesPropertiesTest {

  @Provide
  Arbitrary<Long> gaps() {
    return BuildArbitraries.gapsInMillis();
  }

  @Provide
  Arbitrary<String> unknownStatuses() {
    return ValueArbitraries.unknownWireValues();
  }

  @Group
  @Label("§4.1 stoppable are exactly the IN_PROGRESS builds")
  class Stoppable {
    @Property(tries = 300)
    void aBuildIsStoppableExactlyWhenItsStatusIsInProgress(@ForAll Build build) {
      assertThat(StopRules.isStoppable(build)).isEqualTo(build.buildStatusAsString().equals(Optional.of("IN_PROGRESS")));
    }

    @Property(tries = 200)
    void everyRunningBuildIsStoppable(@ForAll @Running Build running) {
      assertThat(StopRules.isStoppable(running)).isTrue();
    }

    @Property(tries = 200)
    void noCompletedBuildIsStoppable(@ForAll @Completed Build completed) {
      assertThat(StopRules.isStoppable(completed)).isFalse();
    }
  }

  @Group
  @Label("§4.2 stopping a running build at T")
  class StoppingARunningBuild {
    @Property(tries = 300)
    void theRunningPhaseClosesAsStoppedAtTWithItsFlooredDurationAndNoContexts(
        @ForAll @Running Build running, @ForAll("gaps") long gap) {
      Instant at = latestInstant(running).plusMillis(gap);
      BuildPhase wasRunning = last(running);

      Build stopped = StopRules.stop(running, at);

      BuildPhase closed = stopped.phases().get(running.phases().size() - 1);
      assertThat(closed.phaseTypeAsString()).isEqualTo(wasRunning.phaseTypeAsString());
      assertThat(closed.startTime()).isEqualTo(wasRunning.startTime());
      assertThat(closed.phaseStatus()).contains(StatusType.STOPPED);
      assertThat(closed.endTime()).contains(at);
      assertThat(closed.durationInSeconds()).contains(flooredSeconds(wasRunning.startTime().orElseThrow(), at));
      assertThat(closed.contexts()).isEmpty();
      assertThat(closed.hasContexts()).isFalse();
    }

    @Property(tries = 300)
    void aBareCompletedMarkerAtTFollowsAndNoOtherPhaseIsAdded(
        @ForAll @Running Build running, @ForAll("gaps") long gap) {
      Instant at = latestInstant(running).plusMillis(gap);

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases()).hasSize(running.phases().size() + 1);
      assertThat(last(stopped)).isEqualTo(
          BuildPhase.builder().phaseType(BuildPhaseType.COMPLETED).startTime(at).build());
    }

    @Property(tries = 300)
    void theBuildBecomesStoppedCompleteInPhaseCompletedEndingAtT(
        @ForAll @Running Build running, @ForAll("gaps") long gap) {
      Instant at = latestInstant(running).plusMillis(gap);

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(stopped.buildStatusAsString()).contains("STOPPED");
      assertThat(stopped.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(stopped.buildComplete()).contains(true);
      assertThat(stopped.endTime()).contains(at);
    }

    @Property(tries = 300)
    void identityConfigurationAndEarlierPhasesAreUnchanged(
        @ForAll @Running Build running, @ForAll("gaps") long gap) {
      Instant at = latestInstant(running).plusMillis(gap);
      int earlier = running.phases().size() - 1;

      Build stopped = StopRules.stop(running, at);

      assertThat(withoutLifecycle(stopped)).isEqualTo(withoutLifecycle(running));
      assertThat(stopped.phases().subList(0, earlier)).isEqualTo(running.phases().subList(0, earlier));
      // the same, member by member, so that a failure names the member
      assertThat(stopped.id()).isEqualTo(running.id());
      assertThat(stopped.arn()).isEqualTo(running.arn());
      assertThat(stopped.buildNumber()).isEqualTo(running.buildNumber());
      assertThat(stopped.projectName()).isEqualTo(running.projectName());
      assertThat(stopped.startTime()).isEqualTo(running.startTime());
      assertThat(stopped.initiator()).isEqualTo(running.initiator());
      assertThat(stopped.sourceVersion()).isEqualTo(running.sourceVersion());
      assertThat(stopped.resolvedSourceVersion()).isEqualTo(running.resolvedSourceVersion());
      assertThat(stopped.source()).isEqualTo(running.source());
      assertThat(stopped.secondarySources()).isEqualTo(running.secondarySources());
      assertThat(stopped.secondarySourceVersions()).isEqualTo(running.secondarySourceVersions());
      assertThat(stopped.artifacts()).isEqualTo(running.artifacts());
      assertThat(stopped.secondaryArtifacts()).isEqualTo(running.secondaryArtifacts());
      assertThat(stopped.cache()).isEqualTo(running.cache());
      assertThat(stopped.environment()).isEqualTo(running.environment());
      assertThat(stopped.serviceRole()).isEqualTo(running.serviceRole());
      assertThat(stopped.logs()).isEqualTo(running.logs());
      assertThat(stopped.timeoutInMinutes()).isEqualTo(running.timeoutInMinutes());
      assertThat(stopped.queuedTimeoutInMinutes()).isEqualTo(running.queuedTimeoutInMinutes());
      assertThat(stopped.vpcConfig()).isEqualTo(running.vpcConfig());
      assertThat(stopped.networkInterface()).isEqualTo(running.networkInterface());
      assertThat(stopped.encryptionKey()).isEqualTo(running.encryptionKey());
      assertThat(stopped.exportedEnvironmentVariables()).isEqualTo(running.exportedEnvironmentVariables());
      assertThat(stopped.reportArns()).isEqualTo(running.reportArns());
      assertThat(stopped.fileSystemLocations()).isEqualTo(running.fileSystemLocations());
      assertThat(stopped.debugSession()).isEqualTo(running.debugSession());
      assertThat(stopped.buildBatchArn()).isEqualTo(running.buildBatchArn());
      assertThat(stopped.autoRetryConfig()).isEqualTo(running.autoRetryConfig());
    }

    @Property(tries = 200)
    void aStopAtAnInstantBeforeTheRunningPhaseBeganHappensAtThePhaseStart(
        @ForAll @Running Build running, @ForAll("gaps") long skew) {
      Instant phaseStart = last(running).startTime().orElseThrow();

      Build stopped = StopRules.stop(running, phaseStart.minusMillis(skew));

      assertThat(stopped).isEqualTo(StopRules.stop(running, phaseStart));
      assertThat(stopped.endTime()).contains(phaseStart);
      assertThat(stopped.phases().get(running.phases().size() - 1).durationInSeconds()).contains(0L);
    }

    @Property(tries = 300)
    void theStoppedBuildSatisfiesEveryInvariantWhateverTheInstant(
        @ForAll @Running Build running, @ForAll Instant at) {
      assertThat(BuildInvariants.violations(StopRules.stop(running, at))).isEmpty();
    }
  }

  @Group
  @Label("§4.3 a build that is not running comes back unchanged")
  class NotRunning {
    @Property(tries = 300)
    void aCompletedBuildIsReturnedUnchanged(@ForAll @Completed Build completed, @ForAll Instant at) {
      assertThat(StopRules.stop(completed, at)).isSameAs(completed);
    }

    @Property(tries = 200)
    void aBuildWithAStatusThisVersionDoesNotKnowIsReturnedUnchanged(
        @ForAll @Real Build real, @ForAll("unknownStatuses") String status, @ForAll Instant at) {
      Build unknown = real.withBuildStatusAsString(status);

      assertThat(StopRules.stop(unknown, at)).isSameAs(unknown);
    }

    @Property(tries = 100)
    void aBuildWithoutAStatusIsReturnedUnchanged(@ForAll @Real Build real, @ForAll Instant at) {
      Build noStatus = real.withBuildStatusAsString(Optional.empty());

      assertThat(StopRules.stop(noStatus, at)).isSameAs(noStatus);
    }

    @Property(tries = 300)
    void anyBuildNotInProgressIsReturnedUnchanged(@ForAll Build build, @ForAll Instant at) {
      Assume.that(!build.buildStatusAsString().equals(Optional.of("IN_PROGRESS")));

      assertThat(StopRules.stop(build, at)).isSameAs(build);
    }
  }

  @Group
  @Label("§4.4 stop is idempotent")
  class Idempotent {
    @Property(tries = 300)
    void stoppingTwiceEqualsStoppingOnce(
        @ForAll @Real Build build, @ForAll("gaps") long first, @ForAll("gaps") long second) {
      Instant t1 = latestInstant(build).plusMillis(first);
      Instant t2 = t1.plusMillis(second);
      Build once = StopRules.stop(build, t1);

      assertThat(StopRules.stop(once, t2)).isEqualTo(once);
    }

    @Property(tries = 200)
    void aSecondStopAtAnyInstantChangesNothing(@ForAll @Real Build build, @ForAll Instant t1, @ForAll Instant t2) {
      Build once = StopRules.stop(build, t1);

      assertThat(StopRules.stop(once, t2)).isSameAs(once);
    }
  }

  @Group
  @Label("§4.5 exactly one terminal transition")
  class OneTerminalTransition {
    @Provide
    Arbitrary<StatusType> finalStatuses() {
      return Arbitraries.of(BuildLifecycle.FINAL_STATUSES);
    }

    @Property(tries = 200)
    void aStopAfterNaturalCompletionKeepsTheFinalStatus(
        @ForAll @Running Build running, @ForAll("finalStatuses") StatusType status,
        @ForAll("gaps") long first, @ForAll("gaps") long second) {
      Instant t1 = latestInstant(running).plusMillis(first);
      Build completed = BuildLifecycle.complete(running, status, t1);

      assertThat(StopRules.stop(completed, t1.plusMillis(second))).isSameAs(completed);
      assertThat(completed.buildStatus()).contains(status);
    }

    @Property(tries = 200)
    void aCompletionAfterAStopKeepsTheStop(
        @ForAll @Running Build running, @ForAll("finalStatuses") StatusType status,
        @ForAll("gaps") long first, @ForAll("gaps") long second) {
      Instant t1 = latestInstant(running).plusMillis(first);
      Build stopped = StopRules.stop(running, t1);

      assertThat(BuildLifecycle.complete(stopped, status, t1.plusMillis(second))).isSameAs(stopped);
      assertThat(BuildLifecycle.advance(stopped, t1.plusMillis(second))).isSameAs(stopped);
    }

    @Property(tries = 200)
    void completingAsStoppedIsStopping(@ForAll @Running Build running, @ForAll Instant at) {
      assertThat(BuildLifecycle.complete(running, StatusType.STOPPED, at)).isEqualTo(StopRules.stop(running, at));
    }
  }
}
