package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Surgery.last;
import static io.buildstop.domain.lifecycle.Surgery.withLastPhase;
import static io.buildstop.domain.lifecycle.Surgery.withPhase;
import static io.buildstop.domain.lifecycle.Surgery.withoutLastPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every real build satisfies every invariant of spec §3, and each invariant catches the one way to break it: a real
 * build changed in one precise way is reported as that violation (and, where the change breaks nothing else, as that
 * violation only).
 */
@DisplayName("BuildInvariant (spec §3)")
class BuildInvariantPropertiesTest {

  Gen<String> unknownValues() {
    return ValueGenerators.unknownWireValues();
  }

  private static Either<BuildInvariant, Build> firstViolation(Build build) {
    return BuildInvariants.check(build);
  }

  @Nested
  @DisplayName("real builds")
  class RealBuilds {
    @Test
    void everyRealBuildSatisfiesEveryInvariant() {
      Property.tries(300).forAll(BuildGenerators.realBuilds(), build -> {
        assertThat(BuildInvariants.check(build)).isEqualTo(Either.right(build));
        assertThat(BuildInvariants.violations(build)).isEmpty();
        for (BuildInvariant invariant : BuildInvariant.values()) {
          assertThat(invariant.holdsFor(build)).as(invariant.name()).isTrue();
        }
      });
    }

    @Test
    void aStatusThisVersionDoesNotKnowIsNotJudged() {
      Property.tries(100).forAll(BuildGenerators.realBuilds(), unknownValues(), (build, status) -> {
        assertThat(BuildInvariants.violations(build.withBuildStatusAsString(status))).isEmpty();
        assertThat(BuildInvariants.violations(build.withBuildStatusAsString(status).withBuildComplete(
            !build.buildComplete().orElseThrow()))).isEmpty();
      });
    }
  }

  @Nested
  @DisplayName("LIFECYCLE_MEMBERS_PRESENT")
  class LifecycleMembersPresent {
    @Test
    void aBuildWithoutStatusBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), build -> {
        assertThat(BuildInvariants.violations(build.withBuildStatusAsString(Optional.empty())))
            .containsExactly(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT);
      });
    }

    @Test
    void aBuildWithoutBuildCompleteBreaksItFirst() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), build -> {
        assertThat(firstViolation(build.withBuildComplete(Optional.empty())))
            .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
      });
    }

    @Test
    void aBuildWithoutCurrentPhaseBreaksItFirst() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), build -> {
        assertThat(firstViolation(build.withCurrentPhaseAsString(Optional.empty())))
            .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
      });
    }

    @Test
    void aBuildWithoutStartTimeBreaksItFirst() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), build -> {
        assertThat(firstViolation(build.withStartTime(Optional.empty())))
            .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
      });
    }

    @Test
    void aBuildWithoutPhasesBreaksItFirst() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), build -> {
        assertThat(firstViolation(build.withPhases(List.of())))
            .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
      });
    }
  }

  @Nested
  @DisplayName("COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS")
  class CompleteExactlyWhenNotInProgress {
    @Test
    void aRunningBuildMarkedCompleteBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.runningBuilds(), build -> {
        assertThat(BuildInvariants.violations(build.withBuildComplete(true)))
            .containsExactly(BuildInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS);
      });
    }

    @Test
    void aFinishedBuildMarkedIncompleteBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), build -> {
        assertThat(BuildInvariants.violations(build.withBuildComplete(false)))
            .containsExactly(BuildInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS);
      });
    }
  }

  @Nested
  @DisplayName("FIRST_PHASE_IS_SUBMITTED_AT_START_TIME")
  class FirstPhaseIsSubmittedAtStartTime {
    @Test
    void aStartTimeBeforeTheFirstPhaseBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), Gens.longs(1, 86_400_000), (build, millis) -> {
        Build earlier = build.withStartTime(build.startTime().orElseThrow().minusMillis(millis));

        assertThat(BuildInvariants.violations(earlier))
            .containsExactly(BuildInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME);
      });
    }

    @Test
    void aFirstPhaseOfAnotherTypeBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), unknownValues(), (build, type) -> {
        Property.assume(build.phases().size() > 1);

        Build changed = withPhase(build, 0, phase -> phase.withPhaseTypeAsString(type));

        assertThat(BuildInvariants.violations(changed))
            .containsExactly(BuildInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME);
      });
    }
  }

  @Nested
  @DisplayName("PHASES_IN_LIFECYCLE_ORDER")
  class PhasesInLifecycleOrder {
    @Test
    void aPhaseTypeRepeatedBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(
          BuildGenerators.realBuilds(), Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE),
          (build, pick) -> {
        Property.assume(build.phases().size() > 2);
        int index = 1 + Math.floorMod(pick, build.phases().size() - 2);
        Optional<String> previousType = build.phases().get(index - 1).phaseTypeAsString();

        Build repeated = withPhase(build, index, phase -> phase.withPhaseTypeAsString(previousType));

        assertThat(BuildInvariants.violations(repeated)).containsExactly(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER);
      });
    }

    @Test
    void twoPhasesInReverseOrderBreakOnlyThisInvariant() {
      Property.tries(50).forAll(
          BuildGenerators.realBuilds(), Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE),
          (build, pick) -> {
        Property.assume(build.phases().size() > 3);
        int index = 1 + Math.floorMod(pick, build.phases().size() - 3);
        Optional<String> first = build.phases().get(index).phaseTypeAsString();
        Optional<String> second = build.phases().get(index + 1).phaseTypeAsString();

        Build swapped = withPhase(withPhase(build, index, phase -> phase.withPhaseTypeAsString(second)),
            index + 1, phase -> phase.withPhaseTypeAsString(first));

        assertThat(BuildInvariants.violations(swapped)).containsExactly(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER);
      });
    }

    @Test
    void aCompletedMarkerBeforeTheEndBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(
          BuildGenerators.realBuilds(), Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE),
          (build, pick) -> {
        Property.assume(build.phases().size() > 2);
        int index = 1 + Math.floorMod(pick, build.phases().size() - 2);

        Build early = withPhase(build, index, phase -> phase.withPhaseType(BuildPhaseType.COMPLETED));

        assertThat(BuildInvariants.violations(early)).containsExactly(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER);
      });
    }

    @Test
    void phasesThisVersionDoesNotKnowAreNotJudged() {
      Property.tries(50).forAll(
          BuildGenerators.realBuilds(), Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE), unknownValues(),
          (build, pick, type) -> {
        Property.assume(build.phases().size() > 2);
        int index = 1 + Math.floorMod(pick, build.phases().size() - 2);

        Build unknown = withPhase(build, index, phase -> phase.withPhaseTypeAsString(type));

        assertThat(BuildInvariants.violations(unknown)).isEmpty();
      });
    }
  }

  @Nested
  @DisplayName("ONLY_THE_LAST_PHASE_IS_OPEN")
  class OnlyTheLastPhaseIsOpen {
    @Test
    void aClosedPhaseWithoutStatusBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(
          BuildGenerators.realBuilds(), Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE),
          (build, pick) -> {
        Property.assume(build.phases().size() > 1);
        int index = Math.floorMod(pick, build.phases().size() - 1);

        Build changed = withPhase(build, index, phase -> phase.withPhaseStatusAsString(Optional.empty()));

        assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN);
      });
    }

    @Test
    void aClosedPhaseWithoutDurationBreaksThisInvariantFirst() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), build -> {
        Property.assume(build.phases().size() > 1);

        Build changed = withPhase(build, 0, phase -> phase.withDurationInSeconds(Optional.empty()));

        assertThat(firstViolation(changed)).isEqualTo(Either.left(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN));
      });
    }

    @Test
    void aClosedPhaseWithoutEndTimeBreaksThisInvariantFirst() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), build -> {
        Property.assume(build.phases().size() > 1);

        Build changed = withPhase(build, 0, phase -> phase.withEndTime(Optional.empty()));

        assertThat(firstViolation(changed)).isEqualTo(Either.left(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN));
      });
    }

    @Test
    void aLastPhaseWithAStatusBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.runningBuilds(), build -> {
        Build changed = withLastPhase(build, phase -> phase.withPhaseStatus(StatusType.IN_PROGRESS));

        assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN);
      });
    }

    @Test
    void aLastPhaseWithADurationBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.runningBuilds(), build -> {
        Build changed = withLastPhase(build, phase -> phase.withDurationInSeconds(0L));

        assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN);
      });
    }

    @Test
    void aLastPhaseWithAnEndTimeBreaksThisInvariantFirst() {
      Property.tries(50).forAll(BuildGenerators.runningBuilds(), build -> {
        Build changed = withLastPhase(build, phase -> phase.withEndTime(phase.startTime()));

        assertThat(firstViolation(changed)).isEqualTo(Either.left(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN));
      });
    }
  }

  @Nested
  @DisplayName("PHASES_CONTIGUOUS")
  class PhasesContiguous {
    @Test
    void aGapBeforeTheRunningPhaseBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.runningBuilds(), Gens.longs(1, 3_600_000), (build, gap) -> {
        Property.assume(build.phases().size() > 1);

        Build changed = withLastPhase(build, phase -> phase.withStartTime(phase.startTime().orElseThrow().plusMillis(gap)));

        assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.PHASES_CONTIGUOUS);
      });
    }

    @Test
    void aClosedPhaseShiftedInTimeBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.realBuilds(), Gens.longs(1, 3_600_000), (build, shift) -> {
        Property.assume(build.phases().size() > 2);
        int index = build.phases().size() - 2;

        Build changed = withPhase(build, index, phase -> phase
            .withStartTime(phase.startTime().orElseThrow().plusMillis(shift))
            .withEndTime(phase.endTime().orElseThrow().plusMillis(shift)));

        assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.PHASES_CONTIGUOUS);
      });
    }
  }

  @Nested
  @DisplayName("DURATION_IS_FLOORED_ELAPSED_SECONDS")
  class DurationIsFlooredElapsedSeconds {
    @Test
    void aDurationOneSecondOffBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(
          BuildGenerators.realBuilds(), Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE), Gens.booleans(),
          (build, pick, longer) -> {
        Property.assume(build.phases().size() > 1);
        int index = Math.floorMod(pick, build.phases().size() - 1);

        Build changed = withPhase(build, index,
            phase -> phase.withDurationInSeconds(phase.durationInSeconds().orElseThrow() + (longer ? 1 : -1)));

        assertThat(BuildInvariants.violations(changed))
            .containsExactly(BuildInvariant.DURATION_IS_FLOORED_ELAPSED_SECONDS);
      });
    }
  }

  @Nested
  @DisplayName("RUNNING_BUILD_IS_IN_ITS_LAST_PHASE")
  class RunningBuildIsInItsLastPhase {
    @Test
    void aCurrentPhaseOtherThanTheRunningOneBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.runningBuilds(), unknownValues(), (build, other) -> {
        assertThat(BuildInvariants.violations(build.withCurrentPhaseAsString(other)))
            .containsExactly(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE);
      });
    }

    @Test
    void aRunningBuildWithAnEndTimeBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.runningBuilds(), build -> {
        assertThat(BuildInvariants.violations(build.withEndTime(last(build).startTime())))
            .containsExactly(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE);
      });
    }

    @Test
    void aFinishedBuildMarkedRunningBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), build -> {
        Build reopened = build.withBuildStatus(StatusType.IN_PROGRESS)
            .withBuildComplete(false)
            .withEndTime(Optional.empty());

        assertThat(BuildInvariants.violations(reopened))
            .containsExactly(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE);
      });
    }
  }

  @Nested
  @DisplayName("FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER")
  class FinishedBuildEndsWithCompletedMarker {
    @Test
    void aCurrentPhaseOtherThanCompletedBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), unknownValues(), (build, other) -> {
        assertThat(BuildInvariants.violations(build.withCurrentPhaseAsString(other)))
            .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
      });
    }

    @Test
    void anEndTimeApartFromTheMarkerBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), Gens.longs(1, 3_600_000), (build, millis) -> {
        Build later = build.withEndTime(build.endTime().orElseThrow().plusMillis(millis));

        assertThat(BuildInvariants.violations(later))
            .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
      });
    }

    @Test
    void aMarkerWithContextsBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), build -> {
        Build changed = withLastPhase(build,
            marker -> marker.withContexts(PhaseContext.builder().message("").statusCode("").build()));

        assertThat(BuildInvariants.violations(changed))
            .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
      });
    }

    @Test
    void aMissingMarkerBreaksThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), build -> {
        Build withoutMarker = withoutLastPhase(build);

        assertThat(BuildInvariants.violations(withoutMarker))
            .contains(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
      });
    }

    @Test
    void aLastPhaseOfAnotherTypeBreaksOnlyThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), build -> {
        Build changed = withLastPhase(build, marker -> marker.withPhaseTypeAsString("PENDING"));

        assertThat(BuildInvariants.violations(changed))
            .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
      });
    }
  }

  @Nested
  @DisplayName("END_NOT_BEFORE_START")
  class EndNotBeforeStart {
    @Test
    void aFinishedBuildEndingBeforeItStartedBreaksThisInvariant() {
      Property.tries(50).forAll(BuildGenerators.completedBuilds(), Gens.longs(1, 3_600_000), (build, millis) -> {
        Build changed = build.withEndTime(build.startTime().orElseThrow().minusMillis(millis));

        assertThat(BuildInvariants.violations(changed)).contains(BuildInvariant.END_NOT_BEFORE_START);
      });
    }
  }
}
