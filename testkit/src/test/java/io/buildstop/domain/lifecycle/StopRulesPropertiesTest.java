package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Surgery.flooredSeconds;
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
import io.buildstop.testkit.properties.Property;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The stop rules of spec §4 as properties over builds in every real state. */
@DisplayName("StopRules (spec §4)")
class StopRulesPropertiesTest {

  Gen<Long> gaps() {
    return BuildGenerators.gapsInMillis();
  }

  Gen<String> unknownStatuses() {
    return ValueGenerators.unknownWireValues();
  }

  @Nested
  @DisplayName("§4.1 stoppable are exactly the IN_PROGRESS builds")
  class Stoppable {
    @Test
    void aBuildIsStoppableExactlyWhenItsStatusIsInProgress() {
      Property.tries(300).forAll(BuildGenerators.anyBuilds(), build -> {
        assertThat(StopRules.isStoppable(build)).isEqualTo(build.buildStatusAsString().equals(Optional.of("IN_PROGRESS")));
      });
    }

    @Test
    void everyRunningBuildIsStoppable() {
      Property.tries(200).forAll(BuildGenerators.runningBuilds(), running -> {
        assertThat(StopRules.isStoppable(running)).isTrue();
      });
    }

    @Test
    void noCompletedBuildIsStoppable() {
      Property.tries(200).forAll(BuildGenerators.completedBuilds(), completed -> {
        assertThat(StopRules.isStoppable(completed)).isFalse();
      });
    }
  }

  @Nested
  @DisplayName("§4.2 stopping a running build at T")
  class StoppingARunningBuild {
    @Test
    void theRunningPhaseClosesAsStoppedAtTWithItsFlooredDurationAndNoContexts() {
      Property.tries(300).forAll(BuildGenerators.runningBuilds(), gaps(), (running, gap) -> {
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
      });
    }

    @Test
    void aBareCompletedMarkerAtTFollowsAndNoOtherPhaseIsAdded() {
      Property.tries(300).forAll(BuildGenerators.runningBuilds(), gaps(), (running, gap) -> {
        Instant at = latestInstant(running).plusMillis(gap);

        Build stopped = StopRules.stop(running, at);

        assertThat(stopped.phases()).hasSize(running.phases().size() + 1);
        assertThat(last(stopped)).isEqualTo(
            BuildPhase.builder().phaseType(BuildPhaseType.COMPLETED).startTime(at).build());
      });
    }

    @Test
    void theBuildBecomesStoppedCompleteInPhaseCompletedEndingAtT() {
      Property.tries(300).forAll(BuildGenerators.runningBuilds(), gaps(), (running, gap) -> {
        Instant at = latestInstant(running).plusMillis(gap);

        Build stopped = StopRules.stop(running, at);

        assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
        assertThat(stopped.buildStatusAsString()).contains("STOPPED");
        assertThat(stopped.currentPhase()).contains(BuildPhaseType.COMPLETED);
        assertThat(stopped.buildComplete()).contains(true);
        assertThat(stopped.endTime()).contains(at);
      });
    }

    @Test
    void identityConfigurationAndEarlierPhasesAreUnchanged() {
      Property.tries(300).forAll(BuildGenerators.runningBuilds(), gaps(), (running, gap) -> {
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
      });
    }

    @Test
    void aStopAtAnInstantBeforeTheRunningPhaseBeganHappensAtThePhaseStart() {
      Property.tries(200).forAll(BuildGenerators.runningBuilds(), gaps(), (running, skew) -> {
        Instant phaseStart = last(running).startTime().orElseThrow();

        Build stopped = StopRules.stop(running, phaseStart.minusMillis(skew));

        assertThat(stopped).isEqualTo(StopRules.stop(running, phaseStart));
        assertThat(stopped.endTime()).contains(phaseStart);
        assertThat(stopped.phases().get(running.phases().size() - 1).durationInSeconds()).contains(0L);
      });
    }

    @Test
    void theStoppedBuildSatisfiesEveryInvariantWhateverTheInstant() {
      Property.tries(300).forAll(BuildGenerators.runningBuilds(), ValueGenerators.instants(), (running, at) -> {
        assertThat(BuildInvariants.violations(StopRules.stop(running, at))).isEmpty();
      });
    }
  }

  @Nested
  @DisplayName("§4.3 a build that is not running comes back unchanged")
  class NotRunning {
    @Test
    void aCompletedBuildIsReturnedUnchanged() {
      Property.tries(300).forAll(BuildGenerators.completedBuilds(), ValueGenerators.instants(), (completed, at) -> {
        assertThat(StopRules.stop(completed, at)).isSameAs(completed);
      });
    }

    @Test
    void aBuildWithAStatusThisVersionDoesNotKnowIsReturnedUnchanged() {
      Property.tries(200).forAll(
          BuildGenerators.realBuilds(), unknownStatuses(), ValueGenerators.instants(),
          (real, status, at) -> {
        Build unknown = real.withBuildStatusAsString(status);

        assertThat(StopRules.stop(unknown, at)).isSameAs(unknown);
      });
    }

    @Test
    void aBuildWithoutAStatusIsReturnedUnchanged() {
      Property.tries(100).forAll(BuildGenerators.realBuilds(), ValueGenerators.instants(), (real, at) -> {
        Build noStatus = real.withBuildStatusAsString(Optional.empty());

        assertThat(StopRules.stop(noStatus, at)).isSameAs(noStatus);
      });
    }

    @Test
    void anyBuildNotInProgressIsReturnedUnchanged() {
      Property.tries(300).forAll(BuildGenerators.anyBuilds(), ValueGenerators.instants(), (build, at) -> {
        Property.assume(!build.buildStatusAsString().equals(Optional.of("IN_PROGRESS")));

        assertThat(StopRules.stop(build, at)).isSameAs(build);
      });
    }
  }

  @Nested
  @DisplayName("§4.4 stop is idempotent")
  class Idempotent {
    @Test
    void stoppingTwiceEqualsStoppingOnce() {
      Property.tries(300).forAll(BuildGenerators.realBuilds(), gaps(), gaps(), (build, first, second) -> {
        Instant t1 = latestInstant(build).plusMillis(first);
        Instant t2 = t1.plusMillis(second);
        Build once = StopRules.stop(build, t1);

        assertThat(StopRules.stop(once, t2)).isEqualTo(once);
      });
    }

    @Test
    void aSecondStopAtAnyInstantChangesNothing() {
      Property.tries(200).forAll(
          BuildGenerators.realBuilds(), ValueGenerators.instants(), ValueGenerators.instants(),
          (build, t1, t2) -> {
        Build once = StopRules.stop(build, t1);

        assertThat(StopRules.stop(once, t2)).isSameAs(once);
      });
    }
  }

  @Nested
  @DisplayName("§4.5 exactly one terminal transition")
  class OneTerminalTransition {
    Gen<StatusType> finalStatuses() {
      return Gens.oneOf(BuildLifecycle.FINAL_STATUSES);
    }

    @Test
    void aStopAfterNaturalCompletionKeepsTheFinalStatus() {
      Property.tries(200).forAll(
          BuildGenerators.runningBuilds(), finalStatuses(), gaps(), gaps(),
          (running, status, first, second) -> {
        Instant t1 = latestInstant(running).plusMillis(first);
        Build completed = BuildLifecycle.complete(running, status, t1);

        assertThat(StopRules.stop(completed, t1.plusMillis(second))).isSameAs(completed);
        assertThat(completed.buildStatus()).contains(status);
      });
    }

    @Test
    void aCompletionAfterAStopKeepsTheStop() {
      Property.tries(200).forAll(
          BuildGenerators.runningBuilds(), finalStatuses(), gaps(), gaps(),
          (running, status, first, second) -> {
        Instant t1 = latestInstant(running).plusMillis(first);
        Build stopped = StopRules.stop(running, t1);

        assertThat(BuildLifecycle.complete(stopped, status, t1.plusMillis(second))).isSameAs(stopped);
        assertThat(BuildLifecycle.advance(stopped, t1.plusMillis(second))).isSameAs(stopped);
      });
    }

    @Test
    void completingAsStoppedIsStopping() {
      Property.tries(200).forAll(BuildGenerators.runningBuilds(), ValueGenerators.instants(), (running, at) -> {
        assertThat(BuildLifecycle.complete(running, StatusType.STOPPED, at)).isEqualTo(StopRules.stop(running, at));
      });
    }
  }
}
