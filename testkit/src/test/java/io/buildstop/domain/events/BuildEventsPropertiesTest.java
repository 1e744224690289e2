package io.buildstop.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.generators.BuildTransition;
import io.buildstop.testkit.generators.EventGenerators;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What {@link BuildEvents} derives, over transitions of builds in every real state (docs/build-events.md). */
@DisplayName("BuildEvents over generated transitions")
class BuildEventsPropertiesTest {

  static List<BuildPhaseChange> phaseChanges(List<BuildEvent> events) {
    return events.stream().filter(BuildPhaseChange.class::isInstance).map(BuildPhaseChange.class::cast)
        .collect(Collectors.toList());
  }

  static List<BuildStateChange> stateChanges(List<BuildEvent> events) {
    return events.stream().filter(BuildStateChange.class::isInstance).map(BuildStateChange.class::cast)
        .collect(Collectors.toList());
  }

  static boolean closed(BuildPhase phase) {
    return phase.phaseStatusAsString().isPresent();
  }

  @Test
  void aStopOfARunningBuildEmitsExactlyTheStoppedPhaseThenTheStoppedState() {
    Property.tries(300).forAll(EventGenerators.stops(), stop -> {
      List<BuildEvent> events = stop.events();

      assertThat(events).hasSize(2);
      BuildPhaseChangeDetail phase = ((BuildPhaseChange) events.get(0)).detail();
      BuildPhase wasRunning = stop.before().phases().get(stop.before().phases().size() - 1);
      assertThat(phase.completedPhaseAsString()).isEqualTo(wasRunning.phaseTypeAsString());
      assertThat(phase.completedPhaseStatus()).contains(StatusType.STOPPED);
      assertThat(((BuildStateChange) events.get(1)).detail().buildStatus()).contains(StatusType.STOPPED);
    });
  }

  @Test
  void aStopOfACompleteBuildEmitsNothing() {
    Property.tries(200).forAll(EventGenerators.noOpStops(), stop -> {
      assertThat(stop.events()).isEmpty();
    });
  }

  @Test
  void anAdvanceEmitsThePhaseThatSucceededAndTheSucceededStateOnlyAfterFinalizing() {
    Property.tries(300).forAll(EventGenerators.advances(), advance -> {
      List<BuildEvent> events = advance.events();

      BuildPhase wasRunning = advance.before().phases().get(advance.before().phases().size() - 1);
      assertThat(phaseChanges(events)).hasSize(1);
      assertThat(phaseChanges(events).get(0).detail().completedPhaseAsString())
          .isEqualTo(wasRunning.phaseTypeAsString());
      assertThat(phaseChanges(events).get(0).detail().completedPhaseStatus()).contains(StatusType.SUCCEEDED);
      boolean finished = !StopRules.isStoppable(advance.after());
      assertThat(stateChanges(events)).hasSize(finished ? 1 : 0);
      assertThat(events.get(events.size() - 1) instanceof BuildStateChange).isEqualTo(finished);
    });
  }

  @Test
  void aCompletionEndsWithTheFinalStatusAfterThePhaseItEndedWithThatStatus() {
    Property.tries(300).forAll(EventGenerators.completions(), completion -> {
      List<BuildEvent> events = completion.events();
      StatusType status = completion.after().buildStatus().orElseThrow();

      assertThat(stateChanges(events)).hasSize(1);
      assertThat(((BuildStateChange) events.get(events.size() - 1)).detail().buildStatus()).contains(status);
      assertThat(phaseChanges(events).get(0).detail().completedPhaseStatus()).contains(status);
      assertThat(phaseChanges(events).subList(1, phaseChanges(events).size()))
          .allSatisfy(later -> assertThat(later.detail().completedPhaseStatus()).contains(StatusType.SUCCEEDED));
    });
  }

  @Test
  void aStartEmitsTheInProgressStateFirst() {
    Property.tries(200).forAll(EventGenerators.starts(), start -> {
      List<BuildEvent> events = start.events();

      assertThat(((BuildStateChange) events.get(0)).detail().buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(stateChanges(events)).hasSize(1);
    });
  }

  @Test
  void thePhaseChangesAreExactlyThePhasesTheTransitionClosedInTheBuildsOrder() {
    Property.tries(500).forAll(EventGenerators.transitions(), transition -> {
      List<BuildPhase> before = StopRules.isStoppable(transition.before()) ? transition.before().phases() : List.of();
      List<BuildPhase> after = transition.after().phases();
      List<Optional<String>> newlyClosed = new ArrayList<>();
      for (int index = 0; index < after.size(); index++) {
        if (closed(after.get(index)) && (index >= before.size() || !closed(before.get(index)))) {
          newlyClosed.add(after.get(index).phaseTypeAsString());
        }
      }
      boolean changed = StopRules.isStoppable(transition.before()) || StopRules.isStoppable(transition.after());

      assertThat(phaseChanges(transition.events()))
          .extracting(change -> change.detail().completedPhaseAsString())
          .containsExactlyElementsOf(changed ? newlyClosed : List.of());
    });
  }

  @Test
  void everyEventDescribesTheBuildAfterTheTransitionInEventBridgesEnvelope() {
    Property.tries(500).forAll(EventGenerators.transitions(), transition -> {
      Build after = transition.after();
      String arn = after.arn().orElseThrow();
      String[] parts = arn.split(":", 6);
      for (BuildEvent event : transition.events()) {
        assertThat(event.version()).isEqualTo("0");
        assertThat(event.source()).isEqualTo("aws.codebuild");
        assertThat(event.resources()).containsExactly(arn);
        assertThat(event.region()).isEqualTo(parts[3]);
        assertThat(event.account()).isEqualTo(parts[4]);
        assertThat(event.time()).isEqualTo(transition.at().truncatedTo(ChronoUnit.SECONDS));
        AdditionalInformation information = event instanceof BuildStateChange
            ? ((BuildStateChange) event).detail().additionalInformation().orElseThrow()
            : ((BuildPhaseChange) event).detail().additionalInformation().orElseThrow();
        assertThat(information).isEqualTo(BuildEvents.information(after));
        assertThat(information.phases()).hasSameSizeAs(after.phases());
      }
    });
  }

  @Test
  void aWholeLifeEmitsOneStartOneEndAndOnePhaseChangePerClosedPhaseEachWithItsOwnId() {
    Property.tries(200).forAll(EventGenerators.starts(), Gens.ints(0, 9), Gens.oneOf(BuildLifecycle.FINAL_STATUSES),
        BuildGenerators.gapsInMillis(), (start, advances, ending, gap) -> {
          List<BuildEvent> events = new ArrayList<>(start.events());
          Build build = start.after();
          Instant at = start.at();
          for (int step = 0; step < advances && StopRules.isStoppable(build); step++) {
            at = at.plusMillis(gap);
            Build next = BuildLifecycle.advance(build, at);
            events.addAll(BuildEvents.of(build, next, at));
            build = next;
          }
          at = at.plusMillis(gap);
          Build last = ending == StatusType.STOPPED ? StopRules.stop(build, at) : BuildLifecycle.complete(build, ending, at);
          events.addAll(BuildEvents.of(build, last, at));

          assertThat(stateChanges(events)).extracting(change -> change.detail().buildStatusAsString().orElseThrow())
              .containsExactly("IN_PROGRESS", last.buildStatusAsString().orElseThrow());
          assertThat(events.get(0)).isInstanceOf(BuildStateChange.class);
          assertThat(events.get(events.size() - 1)).isInstanceOf(BuildStateChange.class);
          assertThat(phaseChanges(events)).extracting(change -> change.detail().completedPhaseAsString())
              .containsExactlyElementsOf(last.phases().stream().filter(BuildEventsPropertiesTest::closed)
                  .map(BuildPhase::phaseTypeAsString).collect(Collectors.toList()));
          assertThat(new HashSet<>(events.stream().map(BuildEvent::id).collect(Collectors.toList())))
              .hasSameSizeAs(events);
        });
  }
}
