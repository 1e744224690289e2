package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Surgery.last;
import static io.buildstop.domain.lifecycle.Surgery.withLastPhase;
import static io.buildstop.domain.lifecycle.Surgery.withPhase;
import static io.buildstop.domain.lifecycle.Surgery.withoutLastPhase;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.Build;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.PhaseContext;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.arbitraries.BuildDomain;
import io.buildstop.domain.arbitraries.Completed;
import io.buildstop.domain.arbitraries.Real;
import io.buildstop.domain.arbitraries.Running;
import io.buildstop.domain.arbitraries.ValueArbitraries;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * Every real build satisfies every invariant of spec §3, and each invariant catches the one way to break it: a real
 * build changed in one precise way is reported as that violation (and, where the change breaks nothing else, as that
 * violation only).
 */
@Domain(BuildDomain.class)
@Domain(DomainContext.Global.class)
@Label("BuildInvariant (spec §3)")
class BuildInvariantPropertiesTest {

  @Provide
  Arbitrary<String> unknownValues() {
    return ValueArbitraries.unknownWireValues();
  }

  private static Either<BuildInvariant, Build> firstViolation(Build build) {
    return BuildInvariants.check(build);
  }

  @Group
  @Label("real builds")
  class RealBuilds {
    @Property(tries = 300)
    void everyRealBuildSatisfiesEveryInvariant(@ForAll @Real Build build) {
      assertThat(BuildInvariants.check(build)).isEqualTo(Either.right(build));
      assertThat(BuildInvariants.violations(build)).isEmpty();
      for (BuildInvariant invariant : BuildInvariant.values()) {
        assertThat(invariant.holdsFor(build)).as(invariant.name()).isTrue();
      }
    }

    @Property(tries = 100)
    void aStatusThisVersionDoesNotKnowIsNotJudged(@ForAll @Real Build build, @ForAll("unknownValues") String status) {
      assertThat(BuildInvariants.violations(build.withBuildStatusAsString(status))).isEmpty();
      assertThat(BuildInvariants.violations(build.withBuildStatusAsString(status).withBuildComplete(
          !build.buildComplete().orElseThrow()))).isEmpty();
    }
  }

  @Group
  @Label("LIFECYCLE_MEMBERS_PRESENT")
  class LifecycleMembersPresent {
    @Property(tries = 50)
    void aBuildWithoutStatusBreaksOnlyThisInvariant(@ForAll @Real Build build) {
      assertThat(BuildInvariants.violations(build.withBuildStatusAsString(Optional.empty())))
          .containsExactly(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT);
    }

    @Property(tries = 50)
    void aBuildWithoutBuildCompleteBreaksItFirst(@ForAll @Real Build build) {
      assertThat(firstViolation(build.withBuildComplete(Optional.empty())))
          .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
    }

    @Property(tries = 50)
    void aBuildWithoutCurrentPhaseBreaksItFirst(@ForAll @Real Build build) {
      assertThat(firstViolation(build.withCurrentPhaseAsString(Optional.empty())))
          .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
    }

    @Property(tries = 50)
    void aBuildWithoutStartTimeBreaksItFirst(@ForAll @Real Build build) {
      assertThat(firstViolation(build.withStartTime(Optional.empty())))
          .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
    }

    @Property(tries = 50)
    void aBuildWithoutPhasesBreaksItFirst(@ForAll @Real Build build) {
      assertThat(firstViolation(build.withPhases(List.of())))
          .isEqualTo(Either.left(BuildInvariant.LIFECYCLE_MEMBERS_PRESENT));
    }
  }

  @Group
  @Label("COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS")
  class CompleteExactlyWhenNotInProgress {
    @Property(tries = 50)
    void aRunningBuildMarkedCompleteBreaksOnlyThisInvariant(@ForAll @Running Build build) {
      assertThat(BuildInvariants.violations(build.withBuildComplete(true)))
          .containsExactly(BuildInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS);
    }

    @Property(tries = 50)
    void aFinishedBuildMarkedIncompleteBreaksOnlyThisInvariant(@ForAll @Completed Build build) {
      assertThat(BuildInvariants.violations(build.withBuildComplete(false)))
          .containsExactly(BuildInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS);
    }
  }

  @Group
  @Label("FIRST_PHASE_IS_SUBMITTED_AT_START_TIME")
  class FirstPhaseIsSubmittedAtStartTime {
    @Property(tries = 50)
    void aStartTimeBeforeTheFirstPhaseBreaksOnlyThisInvariant(
        @ForAll @Real Build build, @ForAll @LongRange(min = 1, max = 86_400_000) long millis) {
      Build earlier = build.withStartTime(build.startTime().orElseThrow().minusMillis(millis));

      assertThat(BuildInvariants.violations(earlier))
          .containsExactly(BuildInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME);
    }

    @Property(tries = 50)
    void aFirstPhaseOfAnotherTypeBreaksOnlyThisInvariant(
        @ForAll @Real Build build, @ForAll("unknownValues") String type) {
      Assume.that(build.phases().size() > 1);

      Build changed = withPhase(build, 0, phase -> phase.withPhaseTypeAsString(type));

      assertThat(BuildInvariants.violations(changed))
          .containsExactly(BuildInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME);
    }
  }

  @Group
  @Label("PHASES_IN_LIFECYCLE_ORDER")
  class PhasesInLifecycleOrder {
    @Property(tries = 50)
    void aPhaseTypeRepeatedBreaksOnlyThisInvariant(@ForAll @Real Build build, @ForAll int pick) {
      Assume.that(build.phases().size() > 2);
      int index = 1 + Math.floorMod(pick, build.phases().size() - 2);
      Optional<String> previousType = build.phases().get(index - 1).phaseTypeAsString();

      Build repeated = withPhase(build, index, phase -> phase.withPhaseTypeAsString(previousType));

      assertThat(BuildInvariants.violations(repeated)).containsExactly(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER);
    }

    @Property(tries = 50)
    void twoPhasesInReverseOrderBreakOnlyThisInvariant(@ForAll @Real Build build, @ForAll int pick) {
      Assume.that(build.phases().size() > 3);
      int index = 1 + Math.floorMod(pick, build.phases().size() - 3);
      Optional<String> first = build.phases().get(index).phaseTypeAsString();
      Optional<String> second = build.phases().get(index + 1).phaseTypeAsString();

      Build swapped = withPhase(withPhase(build, index, phase -> phase.withPhaseTypeAsString(second)),
          index + 1, phase -> phase.withPhaseTypeAsString(first));

      assertThat(BuildInvariants.violations(swapped)).containsExactly(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER);
    }

    @Property(tries = 50)
    void aCompletedMarkerBeforeTheEndBreaksOnlyThisInvariant(@ForAll @Real Build build, @ForAll int pick) {
      Assume.that(build.phases().size() > 2);
      int index = 1 + Math.floorMod(pick, build.phases().size() - 2);

      Build early = withPhase(build, index, phase -> phase.withPhaseType(BuildPhaseType.COMPLETED));

      assertThat(BuildInvariants.violations(early)).containsExactly(BuildInvariant.PHASES_IN_LIFECYCLE_ORDER);
    }

    @Property(tries = 50)
    void phasesThisVersionDoesNotKnowAreNotJudged(
        @ForAll @Real Build build, @ForAll int pick, @ForAll("unknownValues") String type) {
      Assume.that(build.phases().size() > 2);
      int index = 1 + Math.floorMod(pick, build.phases().size() - 2);

      Build unknown = withPhase(build, index, phase -> phase.withPhaseTypeAsString(type));

      assertThat(BuildInvariants.violations(unknown)).isEmpty();
    }
  }

  @Group
  @Label("ONLY_THE_LAST_PHASE_IS_OPEN")
  class OnlyTheLastPhaseIsOpen {
    @Property(tries = 50)
    void aClosedPhaseWithoutStatusBreaksOnlyThisInvariant(@ForAll @Real Build build, @ForAll int pick) {
      Assume.that(build.phases().size() > 1);
      int index = Math.floorMod(pick, build.phases().size() - 1);

      Build changed = withPhase(build, index, phase -> phase.withPhaseStatusAsString(Optional.empty()));

      assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN);
    }

    @Property(tries = 50)
    void aClosedPhaseWithoutDurationBreaksThisInvariantFirst(@ForAll @Real Build build) {
      Assume.that(build.phases().size() > 1);

      Build changed = withPhase(build, 0, phase -> phase.withDurationInSeconds(Optional.empty()));

      assertThat(firstViolation(changed)).isEqualTo(Either.left(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN));
    }

    @Property(tries = 50)
    void aClosedPhaseWithoutEndTimeBreaksThisInvariantFirst(@ForAll @Real Build build) {
      Assume.that(build.phases().size() > 1);

      Build changed = withPhase(build, 0, phase -> phase.withEndTime(Optional.empty()));

      assertThat(firstViolation(changed)).isEqualTo(Either.left(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN));
    }

    @Property(tries = 50)
    void aLastPhaseWithAStatusBreaksOnlyThisInvariant(@ForAll @Running Build build) {
      Build changed = withLastPhase(build, phase -> phase.withPhaseStatus(StatusType.IN_PROGRESS));

      assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN);
    }

    @Property(tries = 50)
    void aLastPhaseWithADurationBreaksOnlyThisInvariant(@ForAll @Running Build build) {
      Build changed = withLastPhase(build, phase -> phase.withDurationInSeconds(0L));

      assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN);
    }

    @Property(tries = 50)
    void aLastPhaseWithAnEndTimeBreaksThisInvariantFirst(@ForAll @Running Build build) {
      Build changed = withLastPhase(build, phase -> phase.withEndTime(phase.startTime()));

      assertThat(firstViolation(changed)).isEqualTo(Either.left(BuildInvariant.ONLY_THE_LAST_PHASE_IS_OPEN));
    }
  }

  @Group
  @Label("PHASES_CONTIGUOUS")
  class PhasesContiguous {
    @Property(tries = 50)
    void aGapBeforeTheRunningPhaseBreaksOnlyThisInvariant(
        @ForAll @Running Build build, @ForAll @LongRange(min = 1, max = 3_600_000) long gap) {
      Assume.that(build.phases().size() > 1);

      Build changed = withLastPhase(build, phase -> phase.withStartTime(phase.startTime().orElseThrow().plusMillis(gap)));

      assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.PHASES_CONTIGUOUS);
    }

    @Property(tries = 50)
    void aClosedPhaseShiftedInTimeBreaksOnlyThisInvariant(
        @ForAll @Real Build build, @ForAll @LongRange(min = 1, max = 3_600_000) long shift) {
      Assume.that(build.phases().size() > 2);
      int index = build.phases().size() - 2;

      Build changed = withPhase(build, index, phase -> phase
          .withStartTime(phase.startTime().orElseThrow().plusMillis(shift))
          .withEndTime(phase.endTime().orElseThrow().plusMillis(shift)));

      assertThat(BuildInvariants.violations(changed)).containsExactly(BuildInvariant.PHASES_CONTIGUOUS);
    }
  }

  @Group
  @Label("DURATION_IS_FLOORED_ELAPSED_SECONDS")
  class DurationIsFlooredElapsedSeconds {
    @Property(tries = 50)
    void aDurationOneSecondOffBreaksOnlyThisInvariant(
        @ForAll @Real Build build, @ForAll int pick, @ForAll boolean longer) {
      Assume.that(build.phases().size() > 1);
      int index = Math.floorMod(pick, build.phases().size() - 1);

      Build changed = withPhase(build, index,
          phase -> phase.withDurationInSeconds(phase.durationInSeconds().orElseThrow() + (longer ? 1 : -1)));

      assertThat(BuildInvariants.violations(changed))
          .containsExactly(BuildInvariant.DURATION_IS_FLOORED_ELAPSED_SECONDS);
    }
  }

  @Group
  @Label("RUNNING_BUILD_IS_IN_ITS_LAST_PHASE")
  class RunningBuildIsInItsLastPhase {
    @Property(tries = 50)
    void aCurrentPhaseOtherThanTheRunningOneBreaksOnlyThisInvariant(
        @ForAll @Running Build build, @ForAll("unknownValues") String other) {
      assertThat(BuildInvariants.violations(build.withCurrentPhaseAsString(other)))
          .containsExactly(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE);
    }

    @Property(tries = 50)
    void aRunningBuildWithAnEndTimeBreaksOnlyThisInvariant(@ForAll @Running Build build) {
      assertThat(BuildInvariants.violations(build.withEndTime(last(build).startTime())))
          .containsExactly(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE);
    }

    @Property(tries = 50)
    void aFinishedBuildMarkedRunningBreaksOnlyThisInvariant(@ForAll @Completed Build build) {
      Build reopened = build.withBuildStatus(StatusType.IN_PROGRESS)
          .withBuildComplete(false)
          .withEndTime(Optional.empty());

      assertThat(BuildInvariants.violations(reopened))
          .containsExactly(BuildInvariant.RUNNING_BUILD_IS_IN_ITS_LAST_PHASE);
    }
  }

  @Group
  @Label("FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER")
  class FinishedBuildEndsWithCompletedMarker {
    @Property(tries = 50)
    void aCurrentPhaseOtherThanCompletedBreaksOnlyThisInvariant(
        @ForAll @Completed Build build, @ForAll("unknownValues") String other) {
      assertThat(BuildInvariants.violations(build.withCurrentPhaseAsString(other)))
          .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
    }

    @Property(tries = 50)
    void anEndTimeApartFromTheMarkerBreaksOnlyThisInvariant(
        @ForAll @Completed Build build, @ForAll @LongRange(min = 1, max = 3_600_000) long millis) {
      Build later = build.withEndTime(build.endTime().orElseThrow().plusMillis(millis));

      assertThat(BuildInvariants.violations(later))
          .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
    }

    @Property(tries = 50)
    void aMarkerWithContextsBreaksOnlyThisInvariant(@ForAll @Completed Build build) {
      Build changed = withLastPhase(build,
          marker -> marker.withContexts(PhaseContext.builder().message("").statusCode("").build()));

      assertThat(BuildInvariants.violations(changed))
          .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
    }

    @Property(tries = 50)
    void aMissingMarkerBreaksThisInvariant(@ForAll @Completed Build build) {
      Build withoutMarker = withoutLastPhase(build);

      assertThat(BuildInvariants.violations(withoutMarker))
          .contains(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
    }

    @Property(tries = 50)
    void aLastPhaseOfAnotherTypeBreaksOnlyThisInvariant(@ForAll @Completed Build build) {
      Build changed = withLastPhase(build, marker -> marker.withPhaseTypeAsString("PENDING"));

      assertThat(BuildInvariants.violations(changed))
          .containsExactly(BuildInvariant.FINISHED_BUILD_ENDS_WITH_COMPLETED_MARKER);
    }
  }

  @Group
  @Label("END_NOT_BEFORE_START")
  class EndNotBeforeStart {
    @Property(tries = 50)
    void aFinishedBuildEndingBeforeItStartedBreaksThisInvariant(
        @ForAll @Completed Build build, @ForAll @LongRange(min = 1, max = 3_600_000) long millis) {
      Build changed = build.withEndTime(build.startTime().orElseThrow().minusMillis(millis));

      assertThat(BuildInvariants.violations(changed)).contains(BuildInvariant.END_NOT_BEFORE_START);
    }
  }
}
