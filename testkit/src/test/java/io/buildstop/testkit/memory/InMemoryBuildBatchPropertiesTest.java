package io.buildstop.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.testkit.generators.BatchGenerators;
import io.buildstop.testkit.generators.BatchStep;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * StopBuildBatch and every other call on a batch through the in-memory CodeBuild on generated batches (every kind of
 * batch section, members in every state, reached by histories that race in every order): the backend applies the
 * domain's rule, keeps every invariant, holds each started member as its batch does, and a second stop changes nothing.
 */
@DisplayName("StopBuildBatch on generated batches, through the in-memory CodeBuild")
class InMemoryBuildBatchPropertiesTest {

  @Test
  void stopBuildBatchKeepsTheInvariantsAndIsTheDomainsStop() {
    Property.tries(200).forAll(BatchGenerators.batchRuns(), BuildGenerators.gapsInMillis(), (run, gap) -> {
      java.time.Instant at = BatchGenerators.lastInstant(run).plusMillis(gap);
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();
      assertThat(codeBuild.putBuildBatch(run).isRight()).as("seeding %s", run).isTrue();
      BuildId id = BuildId.parse(run.batch().id().orElseThrow()).get();

      Either<?, BuildBatch> stopped = codeBuild.stopBuildBatch(run.batch().id().orElseThrow());

      BatchRun after = codeBuild.buildBatchRun(id).orElseThrow();
      assertThat(stopped).isEqualTo(Either.right(after.batch()));
      assertThat(after).isEqualTo(BatchStopRules.stop(run, at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
      assertThat(BatchInvariants.violations(after)).as("%s", run).isEmpty();
      assertThat(BatchLifecycle.isComplete(after.batch())).isTrue();
      for (Build member : after.members().values()) {
        if (member.buildStatus().isPresent()) {
          assertThat(codeBuild.build(BuildId.parse(member.id().orElseThrow()).get())).contains(member);
        }
      }
    });
  }

  @Test
  void everyCallOnABatchInAnyStateIsTheDomainsRuleInOneStep() {
    Coverage<BatchStep.Kind> calls = Coverage.of("calls");
    Property.tries(300).forAll(BatchGenerators.batchRuns(), BatchGenerators.steps(), (run, step) -> {
      Instant at = BatchGenerators.lastInstant(run).plusMillis(step.gapMillis());
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();
      codeBuild.putBuildBatch(run).get();
      String batchId = run.batch().id().orElseThrow();
      boolean batchCall = isBatchCall(step);
      Optional<String> member = batchCall ? Optional.empty()
          : step.member(run).map(identifier -> run.member(identifier).get().id().orElseThrow());
      Property.assume(batchCall || member.isPresent());
      calls.collect(step.kind());

      Either<StopFailure, ?> answer = call(codeBuild, step, batchId, member);

      BatchRun expected = step.apply(run, at);
      BatchRun after = codeBuild.buildBatchRun(BuildId.parse(batchId).get()).orElseThrow();
      assertThat(after).as("%s after %s", run.batch().currentPhase(), step).isEqualTo(expected);
      assertThat(answer).isEqualTo(Either.right(member.isPresent()
          ? after.members().values().stream().filter(m -> m.id().equals(member)).findFirst().orElseThrow()
          : after.batch()));
      for (Build each : after.members().values()) {
        assertThat(codeBuild.build(BuildId.parse(each.id().orElseThrow()).get()))
            .isEqualTo(Optional.of(each).filter(started -> started.buildStatus().isPresent()));
      }
    });
    calls.requireEach(List.of(BatchStep.Kind.values()));
  }

  @Test
  void callsRacingOnABatchInAnyStateEndAsTheyWouldOneAfterAnother() {
    Coverage<String> races = Coverage.of("races");
    Property.tries(150).forAll(BatchGenerators.batchRuns(), Gens.lists(BatchGenerators.steps(), 2, Racers.MAX),
        (run, steps) -> {
      Instant at = BatchGenerators.lastInstant(run).plusSeconds(1);
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();
      codeBuild.putBuildBatch(run).get();
      String batchId = run.batch().id().orElseThrow();
      // each member call means the member it picks now, whichever order the calls take effect in
      List<Optional<String>> members = steps.stream().map(step -> isBatchCall(step) ? Optional.<String>empty()
          : step.member(run)).toList();
      Property.assume(BatchStopRules.isStoppable(run.batch()) && members.stream().filter(Optional::isPresent).count()
          == steps.stream().filter(step -> !isBatchCall(step)).count());
      List<Callable<Either<StopFailure, ?>>> racers = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        BatchStep step = steps.get(i);
        Optional<String> member = members.get(i).map(identifier -> run.member(identifier).get().id().orElseThrow());
        racers.add(() -> call(codeBuild, step, batchId, member));
      }

      List<Either<StopFailure, ?>> answers = Racers.race(racers);

      BatchRun after = codeBuild.buildBatchRun(BuildId.parse(batchId).get()).orElseThrow();
      boolean linearizable = Racers.orders(steps.size()).stream()
          .anyMatch(order -> inOrder(run, steps, members, answers, order, at).filter(after::equals).isPresent());
      assertThat(linearizable)
          .as("no order of %s (all at %s) gives the answers %s and the batch %s", steps, at, answers, after)
          .isTrue();
      races.collect(after.batch().buildBatchStatusAsString().orElseThrow());
    });
    races.requireEach(List.of("IN_PROGRESS", "STOPPED", "FAILED"));
  }

  // the steps one after another in this order, by the domain's rules; empty if an answer is not the one it gives
  private static Optional<BatchRun> inOrder(BatchRun start, List<BatchStep> steps, List<Optional<String>> members,
      List<Either<StopFailure, ?>> answers, List<Integer> order, Instant at) {
    BatchRun run = start;
    for (int i : order) {
      BatchStep step = steps.get(i);
      run = members.get(i).isEmpty() ? step.apply(run, at) : applyOn(step, members.get(i).get(), run, at);
      Object expected = members.get(i).<Object>flatMap(run::member).orElse(run.batch());
      if (!answers.get(i).equals(Either.right(expected))) {
        return Optional.empty();
      }
    }
    return Optional.of(run);
  }

  // a member's event on the member picked before the race, not on the one it would pick now
  private static BatchRun applyOn(BatchStep step, String identifier, BatchRun run, Instant at) {
    switch (step.kind()) {
      case ADVANCE_MEMBER:
        return BatchLifecycle.advanceMember(run, identifier, at);
      case COMPLETE_MEMBER:
        return BatchLifecycle.completeMember(run, identifier, step.finalStatus(), at);
      default:
        return BatchLifecycle.stopMember(run, identifier, at);
    }
  }

  private static boolean isBatchCall(BatchStep step) {
    return step.kind() == BatchStep.Kind.ADVANCE_BATCH || step.kind() == BatchStep.Kind.STOP_BATCH;
  }

  // the backend's call for a history's event: the batch's own, or one on the member it picks
  private static Either<StopFailure, ?> call(InMemoryCodeBuild codeBuild, BatchStep step, String batchId,
      Optional<String> member) {
    switch (step.kind()) {
      case ADVANCE_BATCH:
        return codeBuild.advanceBuildBatch(batchId);
      case STOP_BATCH:
        return codeBuild.stopBuildBatch(batchId);
      case ADVANCE_MEMBER:
        return codeBuild.advance(member.orElseThrow());
      case COMPLETE_MEMBER:
        return codeBuild.complete(member.orElseThrow(), step.finalStatus());
      default:
        return codeBuild.stopBuild(member.orElseThrow());
    }
  }

  @Test
  void aSecondStopReturnsTheBatchUnchanged() {
    Property.tries(200).forAll(BatchGenerators.batchRuns(), BuildGenerators.gapsInMillis(), (run, gap) -> {
      java.time.Instant at = BatchGenerators.lastInstant(run).plusMillis(gap);
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();
      codeBuild.putBuildBatch(run).get();
      BuildId id = BuildId.parse(run.batch().id().orElseThrow()).get();
      Either<?, BuildBatch> first = codeBuild.stopBuildBatch(run.batch().arn().orElseThrow());
      BatchRun afterFirst = codeBuild.buildBatchRun(id).orElseThrow();

      Either<?, BuildBatch> second = codeBuild.stopBuildBatch(run.batch().id().orElseThrow());

      assertThat(second).isEqualTo(first);
      assertThat(codeBuild.buildBatchRun(id)).contains(afterFirst);
    });
  }
}
