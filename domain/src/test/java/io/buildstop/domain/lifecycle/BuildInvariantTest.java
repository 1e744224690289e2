package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Scenarios.SUBMITTED_AT;
import static io.buildstop.domain.lifecycle.Scenarios.open;
import static io.buildstop.domain.lifecycle.Scenarios.runningIn;
import static io.buildstop.domain.lifecycle.Scenarios.runningSince;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The edges of each invariant, where a property seldom lands (spec §3). */
@DisplayName("BuildInvariant")
class BuildInvariantTest {
  private final Build building = runningIn(BuildPhaseType.BUILD);
  private final Build failed = BuildLifecycle.complete(building, StatusType.FAILED, runningSince(building).plusSeconds(9));

  @Test
  void checkNamesTheFirstBrokenInvariantAndViolationsNamesAllInOrder() {
    Build broken = failed.withBuildStatusAsString(Optional.empty()).withEndTime(SUBMITTED_AT.minusSeconds(1));

    assertThat(BuildInvariants.check(broken)).isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
    assertThat(BuildInvariants.violations(broken))
        .containsExactly(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT, BuildInvariant.END_NOT_BEFORE_START);
  }

  @Test
  void anEmptyBuildBreaksOnlyTheInvariantsThatNeedLifecycleMembers() {
    assertThat(BuildInvariants.violations(Build.builder().build()))
        .containsExactly(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT);
  }

  @Nested
  @DisplayName("FIRST_PHASE_IS_SUBMITTED_AT_START_TIME")
  class FirstPhase {
    @Test
    void aBuildWithoutPhasesIsNotJudged() {
      assertThat(BuildInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME.holdsFor(building.withPhases(List.of())))
          .isTrue();
    }

    @Test
    void aFirstPhaseWithoutTypeBreaksIt() {
      Build untyped = Surgery.withPhase(building, 0, phase -> phase.withPhaseTypeAsString(Optional.empty()));

      assertThat(BuildInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME.holdsFor(untyped)).isFalse();
    }
  }

  @Nested
  @DisplayName("PHASES_IN_LIFECYCLE_ORDER")
  class Order {
    @Test
    void submittedTwiceBreaksIt() {
      Build twice = Surgery.withPhase(building, 1, phase -> phase.withPhaseType(BuildPhaseType.SUBMITTED));

      assertThat(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER.holdsFor(twice)).isFalse();
    }

    @Test
    void aMissingPhaseIsAllowed() {
      // old captures have no QUEUED phase
      Build withoutQueued = building.withPhases(List.of(building.phases().get(0), building.phases().get(2)));

      assertThat(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER.holdsFor(withoutQueued)).isTrue();
    }

    @Test
    void phasesWithoutTypeAreNotJudged() {
      Build untyped = Surgery.withPhase(building, 3, phase -> phase.withPhaseTypeAsString(Optional.empty()));

      assertThat(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER.holdsFor(untyped)).isTrue();
    }

    @Test
    void theCompletedMarkerComesLast() {
      assertThat(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER.holdsFor(failed)).isTrue();
      Build markerFirst = failed.withPhases(List.of(Surgery.last(failed), failed.phases().get(0)));
      assertThat(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER.holdsFor(markerFirst)).isFalse();
    }
  }

  @Nested
  @DisplayName("DURATION_IS_FLOORED_ELAPSED_SECONDS")
  class Duration {
    private final BuildPhase closed = BuildPhase.builder()
        .phaseType(BuildPhaseType.BUILD)
        .phaseStatus(StatusType.SUCCEEDED)
        .startTime(SUBMITTED_AT)
        .endTime(SUBMITTED_AT.plusMillis(1_900))
        .durationInSeconds(1L)
        .build();

    private boolean holds(BuildPhase phase) {
      return BuildInvariant.DURATION_IS_FLOORED_ELAPSED_SECONDS.holdsFor(Build.builder().addPhases(phase).build());
    }

    @Test
    void aFlooredDurationHolds() {
      assertThat(holds(closed)).isTrue();
    }

    @Test
    void aRoundedDurationBreaksIt() {
      assertThat(holds(closed.withDurationInSeconds(2L))).isFalse();
    }

    @Test
    void aPhaseEndingBeforeItBeganBreaksItWhateverItsDuration() {
      BuildPhase backwards = closed.withEndTime(SUBMITTED_AT.minusMillis(500));

      assertThat(holds(backwards.withDurationInSeconds(-1L))).isFalse();
      assertThat(holds(backwards.withDurationInSeconds(0L))).isFalse();
    }

    @Test
    void aPhaseEndingTheInstantItBeganLastsZeroSeconds() {
      assertThat(holds(closed.withEndTime(SUBMITTED_AT).withDurationInSeconds(0L))).isTrue();
    }

    @Test
    void anEndWithoutStartBreaksIt() {
      assertThat(holds(closed.withStartTime(Optional.empty()))).isFalse();
    }

    @Test
    void anEndWithoutDurationBreaksIt() {
      assertThat(holds(closed.withDurationInSeconds(Optional.empty()))).isFalse();
    }

    @Test
    void anOpenPhaseIsNotJudged() {
      assertThat(holds(BuildPhase.builder().phaseType(BuildPhaseType.BUILD).durationInSeconds(5L).build())).isTrue();
    }
  }

  @Nested
  @DisplayName("RUNNING_BUILD_IS_IN_ITS_LAST_PHASE")
  class Running {
    @Test
    void aRunningBuildWithoutPhasesBreaksIt() {
      assertThat(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE.holdsFor(building.withPhases(List.of()))).isFalse();
    }

    @Test
    void aRunningBuildWhoseLastPhaseHasNoTypeBreaksIt() {
      Build untyped = Surgery.withLastPhase(building, phase -> phase.withPhaseTypeAsString(Optional.empty()));

      assertThat(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE.holdsFor(untyped)).isFalse();
    }

    @Test
    void aRunningBuildInAPhaseThisVersionDoesNotKnowHolds() {
      Build unknown = Surgery.withLastPhase(building, phase -> phase.withPhaseTypeAsString("RETRY"))
          .withCurrentPhaseAsString("RETRY");

      assertThat(BuildInvariants.violations(unknown)).isEmpty();
    }
  }

  @Nested
  @DisplayName("FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER")
  class Finished {
    @Test
    void aFinishedBuildWithoutPhasesBreaksIt() {
      assertThat(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER.holdsFor(failed.withPhases(List.of())))
          .isFalse();
    }

    @Test
    void aMarkerWithoutStartTimeBreaksItEvenWithoutEndTime() {
      Build noTimes = Surgery.withLastPhase(failed, marker -> marker.withStartTime(Optional.empty()))
          .withEndTime(Optional.empty());

      assertThat(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER.holdsFor(noTimes)).isFalse();
    }

    @Test
    void aFinishedBuildWithoutCurrentPhaseBreaksIt() {
      assertThat(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER
          .holdsFor(failed.withCurrentPhaseAsString(Optional.empty()))).isFalse();
    }

    @Test
    void aBuildWithAStatusThisVersionDoesNotKnowIsNotJudged() {
      Build pending = building.withBuildStatusAsString("PENDING");

      assertThat(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER.holdsFor(pending)).isTrue();
      assertThat(BuildInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS.holdsFor(pending.withBuildComplete(true)))
          .isTrue();
      assertThat(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE.holdsFor(pending.withEndTime(SUBMITTED_AT)))
          .isTrue();
    }
  }

  @Nested
  @DisplayName("END_NOT_BEFORE_START")
  class EndNotBeforeStart {
    @Test
    void anEndAtTheStartHolds() {
      assertThat(BuildInvariant.END_NOT_BEFORE_START.holdsFor(
          Build.builder().startTime(SUBMITTED_AT).endTime(SUBMITTED_AT).build())).isTrue();
    }

    @Test
    void anEndBeforeTheStartBreaksIt() {
      assertThat(BuildInvariant.END_NOT_BEFORE_START.holdsFor(
          Build.builder().startTime(SUBMITTED_AT).endTime(SUBMITTED_AT.minusMillis(1)).build())).isFalse();
    }

    @Test
    void anEndWithoutStartBreaksIt() {
      assertThat(BuildInvariant.END_NOT_BEFORE_START.holdsFor(Build.builder().endTime(SUBMITTED_AT).build()))
          .isFalse();
    }

    @Test
    void noEndHolds() {
      assertThat(BuildInvariant.END_NOT_BEFORE_START.holdsFor(Build.builder().build())).isTrue();
    }
  }

  @Test
  void theStartOfARunningPhaseIsAnOpenPhase() {
    assertThat(Surgery.last(building)).isEqualTo(open(BuildPhaseType.BUILD, runningSince(building)));
  }
}
