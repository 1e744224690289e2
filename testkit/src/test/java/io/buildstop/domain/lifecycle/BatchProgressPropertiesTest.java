package io.buildstop.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.batch.BatchExpansion;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.BatchGenerators;
import io.buildstop.testkit.generators.BatchHistory;
import io.buildstop.testkit.generators.BatchSpecs;
import io.buildstop.testkit.generators.BatchStep;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The batch rules that move a batch on (docs/batch-rules.md §2–§4 and buildstop's policy, §6) as properties over
 * generated batches: starting from any valid batch section, advancing, dependencies honoured as soon as they allow,
 * the batch's status from its members' with {@code ignore-failure} and {@code fast-fail}, StopBuild of a member, and
 * the batch's own advance racing StopBuildBatch. {@link BatchRulesPropertiesTest} has the stop rules and invariants.
 */
@DisplayName("Batch rules that move a batch on (docs/batch-rules.md §2-§4, §6)")
class BatchProgressPropertiesTest {
  private static final int HISTORY = 40;
  private static final Instant SUBMITTED = Instant.parse("2026-04-01T10:00:00.250Z");

  @Nested
  @DisplayName("§2 starting a batch")
  class Starting {
    @Test
    void aStartedBatchHasOneGroupAndOneWaitingMemberPerBuildOfItsSection() {
      Coverage<BatchSpec.Kind> kinds = Coverage.of("kinds of section");
      Property.tries(200).forAll(BatchSpecs.batchSpecs(), BuildGenerators.gapsInMillis(), (spec, gap) -> {
        kinds.collect(spec.kind());
        List<BatchTask> builds = BatchExpansion.expand(spec).get();

        BatchRun run = start(spec, gap).get();

        BuildBatch batch = run.batch();
        assertThat(batch.buildBatchStatus()).contains(StatusType.IN_PROGRESS);
        assertThat(batch.currentPhase()).contains(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC);
        assertThat(batch.complete()).contains(false);
        assertThat(batch.startTime()).contains(SUBMITTED);
        assertThat(run.fastFail()).isEqualTo(spec.fastFail());
        assertThat(batch.buildGroups()).hasSize(builds.size());
        for (int i = 0; i < builds.size(); i++) {
          BuildGroup group = batch.buildGroups().get(i);
          assertThat(group.identifier()).contains(builds.get(i).identifier());
          assertThat(group.dependsOn()).isEqualTo(builds.get(i).dependOn());
          assertThat(group.hasDependsOn()).as("dependsOn is sent, as [] when empty").isTrue();
          assertThat(group.ignoreFailure()).contains(builds.get(i).ignoreFailure());
          assertThat(group.currentBuildSummary()).isEmpty();
        }
        assertThat(run.members().keySet()).containsExactlyElementsOf(
            builds.stream().map(BatchTask::identifier).toList());
        assertThat(run.members().keySet()).noneMatch(run::isStarted);
        assertThat(BatchInvariants.violations(run)).isEmpty();
      });
      kinds.requireEach(List.of(BatchSpec.Kind.values()));
    }

    @Test
    void aSectionWithADependencyCycleStartsNothing() {
      Property.tries(100).forAll(BatchSpecs.cyclicGraphs(), graph ->
          assertThat(start(graph, 0).isLeft()).as("%s", graph).isTrue());
    }
  }

  @Nested
  @DisplayName("§3 advancing, with dependencies honoured")
  class Advancing {
    @Test
    void theBatchsAdvanceMovesItOnePhaseAndNeverMovesAMember() {
      Coverage<String> from = Coverage.of("phase advanced from");
      Property.tries(200).forAll(BatchGenerators.histories(HISTORY), BuildGenerators.gapsInMillis(), (history, gap) -> {
        for (BatchHistory.State state : history.states()) {
          from.collect(state.run().batch().currentPhaseAsString().orElse("?"));
          advancesOnePhase(state.run(), state.at().plusMillis(gap), history);
        }
      });
      from.requireEach(List.of("DOWNLOAD_BATCHSPEC", "IN_PROGRESS", "COMBINE_ARTIFACTS", "SUCCEEDED", "FAILED",
          "STOPPED"));
    }

    private void advancesOnePhase(BatchRun run, Instant at, BatchHistory history) {
      BatchRun advanced = BatchLifecycle.advance(run, at);

      assertThat(BatchInvariants.violations(advanced)).as("%s", history).isEmpty();
      if (!BatchStopRules.isStoppable(run.batch())) {
        assertThat(advanced).isSameAs(run);
        return;
      }
      switch (run.batch().currentPhase().orElseThrow()) {
        case DOWNLOAD_BATCHSPEC:
          // IN_PROGRESS begins and every member without dependencies starts in it: there is always one
          assertThat(advanced.batch().currentPhase()).contains(BuildBatchPhaseType.IN_PROGRESS);
          for (BuildGroup group : advanced.batch().buildGroups()) {
            String identifier = group.identifier().orElseThrow();
            assertThat(advanced.isStarted(identifier)).as("%s started", identifier)
                .isEqualTo(group.dependsOn().isEmpty());
          }
          break;
        case COMBINE_ARTIFACTS:
          assertThat(advanced.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
          assertThat(advanced.members()).isEqualTo(run.members());
          break;
        default:
          // IN_PROGRESS: the batch has already settled after the event that led here, so nothing is left to do
          assertThat(advanced).as("%s", history).isEqualTo(run);
      }
    }

    @Test
    void aMemberStartsTheMomentItsDependenciesLetIt() {
      Coverage<Boolean> waiting = Coverage.of("a member waits for a dependency");
      Property.tries(200).forAll(BatchGenerators.histories(HISTORY), history -> {
        for (BatchHistory.State state : history.states()) {
          BatchRun run = state.run();
          if (!run.batch().currentPhase().equals(Optional.of(BuildBatchPhaseType.IN_PROGRESS))) {
            continue;
          }
          for (BuildGroup group : run.batch().buildGroups()) {
            String identifier = group.identifier().orElseThrow();
            if (!run.isStarted(identifier)) {
              // a member left waiting has a dependency that has not (yet) let it start
              waiting.collect(true);
              assertThat(group.dependsOn()).as("%s waits in %s", identifier, history).anyMatch(dependency ->
                  !BatchPolicy.satisfiesDependants(run.group(dependency).orElseThrow(),
                      run.member(dependency).orElseThrow()));
            }
          }
        }
      });
      waiting.requireEach(List.of(true));
    }

    @Test
    void aMemberStartsOnceAndNeverGoesBack() {
      Property.tries(200).forAll(BatchGenerators.histories(HISTORY), history -> {
        List<BatchHistory.State> states = history.states();
        for (int i = 1; i < states.size(); i++) {
          BatchRun before = states.get(i - 1).run();
          BatchRun after = states.get(i).run();
          for (String identifier : before.members().keySet()) {
            if (before.isStarted(identifier)) {
              assertThat(after.isStarted(identifier)).as("%s in %s", identifier, history).isTrue();
              assertThat(after.member(identifier).orElseThrow().startTime())
                  .isEqualTo(before.member(identifier).orElseThrow().startTime());
            }
          }
        }
      });
    }
  }

  @Nested
  @DisplayName("§4 completing: the batch's status from its members', ignore-failure and fast-fail respected")
  class Completing {
    @Test
    void withoutFastFailEveryMemberThatCanRunRunsAndTheBatchEndsAsItsMembersDecide() {
      Coverage<String> outcomes = Coverage.of("outcomes");
      Property.tries(300).forAll(BatchGenerators.startedBatches(), endings(), (started, drawn) -> {
        BatchRun run = withFastFail(started, false);
        Outcome expected = Outcome.of(run, drawn);

        BatchRun ended = runToTheEnd(run, drawn);

        outcomes.collect(expected.describe(run));
        assertThat(ended.batch().buildBatchStatus()).as("%s", ended.members().keySet()).contains(expected.batch());
        run.members().keySet().forEach(identifier -> assertThat(ended.member(identifier).orElseThrow().buildStatus())
            .as("%s", identifier).isEqualTo(expected.members().get(identifier)));
        assertThat(BatchInvariants.violations(ended)).isEmpty();
      });
      outcomes.requireEach(List.of("SUCCEEDED, every member succeeded", "SUCCEEDED despite a failure ignored",
          "FAILED, every member ran", "FAILED, a member never ran"));
    }

    @Test
    void withFastFailTheBatchEndsAsWithoutAndNoMemberIsLeftRunning() {
      Property.tries(300).forAll(BatchGenerators.startedBatches(), endings(), (started, drawn) -> {
        BatchRun run = withFastFail(started, true);
        Outcome expected = Outcome.of(run, drawn);

        BatchRun ended = runToTheEnd(run, drawn);

        // fast-fail changes how soon a batch fails, never whether
        assertThat(ended.batch().buildBatchStatus()).contains(expected.batch());
        for (Map.Entry<String, Build> member : ended.members().entrySet()) {
          Optional<StatusType> status = member.getValue().buildStatus();
          assertThat(status).as(member.getKey()).isNotEqualTo(Optional.of(StatusType.IN_PROGRESS));
          if (status.isPresent() && expected.batch() == StatusType.SUCCEEDED) {
            assertThat(status).isEqualTo(expected.members().get(member.getKey()));
          }
        }
      });
    }

    @Test
    void withoutFastFailOrWithAFailureIgnoredNoOtherRunningMemberIsTouched() {
      Coverage<String> steps = Coverage.of("member events that failed nothing, with fast-fail or not");
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        List<BatchHistory.State> states = history.states();
        for (int i = 1; i < states.size(); i++) {
          BatchRun before = states.get(i - 1).run();
          BatchRun after = states.get(i).run();
          BatchStep step = history.steps().get(i - 1);
          Optional<String> changed = step.member(before);
          boolean memberEvent = step.kind() != BatchStep.Kind.ADVANCE_BATCH && step.kind() != BatchStep.Kind.STOP_BATCH;
          if (!memberEvent || changed.isEmpty() || before.fastFail() && failed(after)) {
            continue;
          }
          steps.collect(before.fastFail() ? "fast-fail" : "no fast-fail");
          for (Map.Entry<String, Build> other : before.members().entrySet()) {
            if (!other.getKey().equals(changed.get()) && StopRules.isStoppable(other.getValue())) {
              assertThat(after.member(other.getKey())).as("%s after %s in %s", other.getKey(), step, history)
                  .contains(other.getValue());
            }
          }
        }
      });
      steps.requireEach(List.of("fast-fail", "no fast-fail"));
    }
  }

  @Nested
  @DisplayName("§6 buildstop's policy: StopBuild of a member")
  class StoppingAMember {
    @Test
    void stopBuildOfAMemberStopsThatBuildByTheBuildStopRulesAndNeverStopsTheBatch() {
      Coverage<String> cases = Coverage.of("stopped member's group");
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), Gens.ints(0, 7), BuildGenerators.gapsInMillis(),
          (history, pick, gap) -> {
        BatchRun run = history.last().run();
        Optional<String> member = new BatchStep(BatchStep.Kind.STOP_MEMBER, pick, StatusType.STOPPED, 0).member(run);
        Property.assume(member.isPresent() && BatchStopRules.isStoppable(run.batch()));
        Instant at = history.last().at().plusMillis(gap);
        BuildGroup group = run.group(member.get()).orElseThrow();

        BatchRun after = BatchLifecycle.stopMember(run, member.get(), at);

        assertThat(after.member(member.get())).contains(StopRules.stop(run.member(member.get()).get(), at));
        assertThat(after.batch().buildBatchStatus()).as("%s", history).isNotEqualTo(Optional.of(StatusType.STOPPED));
        if (group.ignoreFailure().orElse(false)) {
          cases.collect("ignores failure");
        } else {
          // the stopped member failed the batch: it can no longer succeed, and what depends on it never starts
          cases.collect("does not ignore failure");
          assertThat(after.batch().buildBatchStatus()).isIn(Optional.of(StatusType.IN_PROGRESS),
              Optional.of(StatusType.FAILED));
          after.batch().buildGroups().stream().filter(g -> g.dependsOn().contains(member.get()))
              .forEach(dependant -> assertThat(after.isStarted(dependant.identifier().orElseThrow())).isFalse());
        }
        assertThat(BatchInvariants.violations(after)).isEmpty();
      });
      cases.requireEach(List.of("ignores failure", "does not ignore failure"));
    }

    @Test
    void onlyStopBuildBatchEverMakesABatchStopped() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        List<BatchHistory.State> states = history.states();
        for (int i = 1; i < states.size(); i++) {
          boolean stoppedNow = states.get(i).run().batch().buildBatchStatus().equals(Optional.of(StatusType.STOPPED))
              && BatchStopRules.isStoppable(states.get(i - 1).run().batch());
          if (stoppedNow) {
            assertThat(history.steps().get(i - 1).kind()).as("%s", history).isEqualTo(BatchStep.Kind.STOP_BATCH);
          }
        }
      });
    }
  }

  @Nested
  @DisplayName("§5.5 StopBuildBatch racing the batch's own advance")
  class Racing {
    @Test
    void stopBuildBatchAndAdvanceInEitherOrderEndTheBatchOnce() {
      Coverage<StatusType> winners = Coverage.of("the batch's one final status");
      Property.tries(200).forAll(BatchGenerators.histories(HISTORY), history -> {
        for (BatchHistory.State state : history.states()) {
          if (BatchStopRules.isStoppable(state.run().batch())) {
            winners.collect(racesOnce(state.run(), state.at().plusSeconds(1)));
          }
        }
      });
      winners.requireEach(List.of(StatusType.STOPPED, StatusType.SUCCEEDED));
    }

    // StopBuildBatch and the batch's advance at one instant, in both orders: the batch's final status
    private StatusType racesOnce(BatchRun run, Instant at) {
      BatchRun stopFirst = BatchLifecycle.advance(BatchStopRules.stop(run, at), at);
      BatchRun advanceFirst = BatchStopRules.stop(BatchLifecycle.advance(run, at), at);

      // the stop that comes first wins outright; an advance that comes first may end the batch itself
      assertThat(stopFirst).isEqualTo(BatchStopRules.stop(run, at));
      BatchRun advanced = BatchLifecycle.advance(run, at);
      assertThat(advanceFirst).isEqualTo(BatchStopRules.isStoppable(advanced.batch())
          ? BatchStopRules.stop(advanced, at) : advanced);
      for (BatchRun ended : List.of(stopFirst, advanceFirst)) {
        assertThat(BatchInvariants.violations(ended)).isEmpty();
        assertThat(BatchLifecycle.isComplete(ended.batch())).isTrue();
        assertThat(BatchLifecycle.advance(ended, at.plusSeconds(1))).isSameAs(ended);
        assertThat(BatchStopRules.stop(ended, at.plusSeconds(1))).isSameAs(ended);
      }
      return advanceFirst.batch().buildBatchStatus().orElseThrow();
    }
  }

  // ---- the oracle: what a batch ends with, from its groups alone, when each member that runs ends as drawn ----

  /**
   * The batch's and each member's final status when every member that starts ends with its drawn status: members
   * start once every dependency succeeded or ignores failure; the batch succeeds when all ran and every failure was
   * ignored. Written from docs/batch-rules.md §3–§4, apart from {@link BatchLifecycle}.
   */
  private record Outcome(StatusType batch, Map<String, Optional<StatusType>> members) {
    static Outcome of(BatchRun run, List<StatusType> drawn) {
      Map<String, StatusType> ended = new LinkedHashMap<>();
      boolean progress = true;
      while (progress) {
        progress = false;
        for (BuildGroup group : run.batch().buildGroups()) {
          String identifier = group.identifier().orElseThrow();
          boolean ready = group.dependsOn().stream().allMatch(dependency -> ended.containsKey(dependency)
              && (ended.get(dependency) == StatusType.SUCCEEDED || ignoresFailure(run, dependency)));
          if (!ended.containsKey(identifier) && ready) {
            ended.put(identifier, endingOf(run, identifier, drawn));
            progress = true;
          }
        }
      }
      boolean succeeded = ended.size() == run.members().size() && ended.entrySet().stream().allMatch(end ->
          end.getValue() == StatusType.SUCCEEDED || ignoresFailure(run, end.getKey()));
      Map<String, Optional<StatusType>> members = new LinkedHashMap<>();
      run.members().keySet().forEach(identifier -> members.put(identifier, Optional.ofNullable(ended.get(identifier))));
      return new Outcome(succeeded ? StatusType.SUCCEEDED : StatusType.FAILED, members);
    }

    String describe(BatchRun run) {
      if (batch == StatusType.SUCCEEDED) {
        return members.values().stream().allMatch(status -> status.equals(Optional.of(StatusType.SUCCEEDED)))
            ? "SUCCEEDED, every member succeeded" : "SUCCEEDED despite a failure ignored";
      }
      return members.values().stream().allMatch(Optional::isPresent)
          ? "FAILED, every member ran" : "FAILED, a member never ran";
    }

    private static boolean ignoresFailure(BatchRun run, String identifier) {
      return run.group(identifier).flatMap(BuildGroup::ignoreFailure).orElse(false);
    }
  }

  // the status the n-th member ends with; members past the drawn list succeed, so the list shrinks to "all succeed"
  private static StatusType endingOf(BatchRun run, String identifier, List<StatusType> drawn) {
    int index = new ArrayList<>(run.members().keySet()).indexOf(identifier);
    return index < drawn.size() ? drawn.get(index) : StatusType.SUCCEEDED;
  }

  private static Gen<List<StatusType>> endings() {
    Gen<StatusType> ending = Gens.weighted(3, Gens.constant(StatusType.SUCCEEDED),
        1, Gens.oneOf(BuildLifecycle.FINAL_STATUSES));
    return Gens.lists(ending, 0, BatchSpec.MAX_TASKS);
  }

  // the batch advanced into IN_PROGRESS, then round after round every running member ends as drawn
  private static BatchRun runToTheEnd(BatchRun started, List<StatusType> drawn) {
    BatchRun run = BatchLifecycle.advance(started, BatchGenerators.lastInstant(started).plusSeconds(1));
    for (int round = 0; round <= run.members().size() + 1 && BatchStopRules.isStoppable(run.batch()); round++) {
      Instant at = BatchGenerators.lastInstant(run).plusSeconds(1);
      for (String identifier : List.copyOf(run.members().keySet())) {
        if (run.member(identifier).filter(StopRules::isStoppable).isPresent()) {
          run = BatchLifecycle.completeMember(run, identifier, endingOf(run, identifier, drawn), at);
        }
      }
      run = BatchLifecycle.advance(run, at.plusSeconds(1));
    }
    assertThat(BatchLifecycle.isComplete(run.batch())).as("the batch ended").isTrue();
    return run;
  }

  private static BatchRun withFastFail(BatchRun run, boolean fastFail) {
    return new BatchRun(run.batch(), fastFail, run.members());
  }

  private static boolean failed(BatchRun run) {
    return run.batch().buildGroups().stream().anyMatch(group -> group.identifier().flatMap(run::member)
        .map(member -> BatchPolicy.failsTheBatch(group, member)).orElse(false));
  }

  private static Either<?, BatchRun> start(BatchSpec spec, long gap) {
    BuildBatch configuration = BuildBatch.builder().id("p:batch")
        .arn("arn:aws:codebuild:us-east-1:1:build-batch/p:batch").projectName("p").build();
    return BatchLifecycle.start(configuration, spec, task -> Build.builder().id("p:" + task.identifier())
        .arn("arn:aws:codebuild:us-east-1:1:build/p:" + task.identifier()).build(),
        SUBMITTED, SUBMITTED.plusMillis(gap));
  }
}
