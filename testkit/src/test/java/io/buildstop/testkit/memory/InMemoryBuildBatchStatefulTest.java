package io.buildstop.testkit.memory;

import io.buildstop.domain.batch.BatchExpansion;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.SortOrderType;
import io.buildstop.testkit.generators.BatchSpecs;
import io.buildstop.testkit.memory.BatchSimulation.Call;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.ModelCheck;
import io.buildstop.testkit.properties.ModelCheck.Step;
import io.buildstop.testkit.properties.Property;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Model-based, for batches: generated sessions of StartBuildBatch (build lists, graphs, matrices, fan-outs), the
 * batch's advance, StopBuildBatch, StopBuild, advance and completion of members, BatchGetBuildBatches, BatchGetBuilds
 * and the batch listings, against the in-memory CodeBuild, each answer checked against a model of what it must hold
 * ({@link BatchSimulation}, {@link BatchModel}). After every call on a batch, the members not started when it
 * finished have not started since; after every step each batch is as modelled and a real batch (docs/batch-rules.md
 * §7), and its started members are its builds and real builds (spec §3). The racing sessions make several of these
 * calls on one batch at once, and check that some order of them explains every answer and the end state, with one
 * terminal state for the batch and for each member.
 *
 * <p>Steps read like CLI calls, so a shrunk failure is a reproduction recipe; {@code <p1 batch#2/x_0>} stands for the
 * member {@code x_0} of the second batch the session started for project {@code p1}.
 */
@DisplayName("the in-memory CodeBuild's batches against a model")
class InMemoryBuildBatchStatefulTest {

  @Test
  void theBackendKeepsToTheBatchModelThroughAnySession() {
    Coverage<String> reached = Coverage.of("what the sessions reached");

    // 500: a batch SUCCEEDED is the rarest case (14 and 21 of about 700 sessions in two runs), and 150 tries once missed it
    sessions(0).check(Property.tries(500), end -> end.reached().forEach(reached::collect));

    // the sessions must keep reaching the interesting cases, or the property proves little
    reached.requireEach(List.of("a running batch stopped", "a batch stopped with running members",
        "a batch stopped with members not started", "a batch SUCCEEDED", "a batch FAILED",
        "a running member stopped by StopBuild", "a batch finished with members never started"));
  }

  @Test
  void callsRacingOnABatchAreLinearizableAndEndTheBatchAndEachMemberOnce() {
    Coverage<String> reached = Coverage.of("what the racing sessions reached");

    sessions(8).check(Property.tries(100), end -> end.reached().forEach(reached::collect));

    reached.requireEach(List.of("a race ended the batch", "StopBuildBatch raced a member's call",
        "a batch stopped with running members"));
  }

  static ModelCheck<BatchSimulation> sessions(int raceWeight) {
    ModelCheck<BatchSimulation> sessions = ModelCheck.startingWith(BatchSimulation::new)
        .steps(3, Gens.oneOf("p1", "p2").zip(specs(), Gens.booleans(), (project, spec, combine) ->
            ModelCheck.<BatchSimulation>step("start-build-batch --project-name " + project + " --buildspec-override '"
                + describe(spec) + "'" + (combine ? " --build-batch-config combineArtifacts=true" : ""),
                state -> state.startBuildBatch(project, spec, combine))))
        .steps(1, Gens.oneOf("p1", "p2").zip(BatchSpecs.cyclicGraphs(), (project, spec) ->
            ModelCheck.<BatchSimulation>step("start-build-batch --project-name " + project + " --buildspec-override '"
                + describe(spec) + "' (a dependency cycle)", state -> state.startRefusedBuildBatch(project, spec))))
        .steps(16, onABatch(calls().map(call -> List.of(call))))
        .steps(1, Gens.constant(ModelCheck.<BatchSimulation>step(
            "batch-get-build-batches --ids <every batch> " + BatchSimulation.UNKNOWN_BATCH,
            BatchSimulation::batchGetBuildBatches)))
        .steps(1, Gens.ints(0, 99).map(pick -> state -> {
          if (!state.hasBatches()) {
            return Optional.empty();
          }
          String name = state.pickBatch(pick);
          return ModelCheck.perform("batch-get-builds --ids <every member of " + name + ">",
              () -> state.batchGetMemberBuilds(name));
        }))
        .steps(1, Gens.oneOf(Optional.<String>empty(), Optional.of("p1"), Optional.of("p2"))
            .zip(Gens.oneOf(SortOrderType.values()), (project, order) -> ModelCheck.<BatchSimulation>step(
                project.map(name -> "list-build-batches-for-project --project-name " + name)
                    .orElse("list-build-batches") + " --sort-order " + order + " (every page)",
                state -> state.listBuildBatches(project, order))))
        .invariant("each batch and its members are as modelled, real, and its started members are its builds",
            BatchSimulation::backendMatchesTheModel)
        .invariant("every build held is a real build (spec §3)", BatchSimulation::everyBuildIsReal)
        .maxSteps(30);
    return raceWeight == 0 ? sessions : sessions.steps(raceWeight, onABatch(Gens.lists(racingCalls(), 2, 4)));
  }

  // StartBuildBatch's sections, small enough that a session reaches their end: graphs most, fan-outs of at most 6
  private static Gen<BatchSpec> specs() {
    return Gens.frequency(
        Gens.w(4, BatchSpecs.buildGraphs()),
        Gens.w(3, BatchSpecs.buildLists()),
        Gens.w(1, BatchSpecs.buildMatrices()),
        Gens.w(1, BatchSpecs.buildFanouts().map(fanout ->
            new BatchSpec.BuildFanout(fanout.fastFail(), 1 + (fanout.parallelism() - 1) % 6, fanout.ignoreFailure()))));
  }

  // one call, weighted so that batches run and finish more often than they are stopped
  private static Gen<Call> calls() {
    return call(Gens.frequency(
        Gens.w(4, Gens.constant(Call.Kind.ADVANCE_BUILD_BATCH)),
        Gens.w(5, Gens.constant(Call.Kind.ADVANCE)),
        Gens.w(4, Gens.constant(Call.Kind.COMPLETE)),
        Gens.w(2, Gens.constant(Call.Kind.STOP_BUILD)),
        Gens.w(1, Gens.constant(Call.Kind.STOP_BUILD_BATCH))));
  }

  // the calls that race: StopBuildBatch against StopBuild of a member, its completion, and the batch's advance
  private static Gen<Call> racingCalls() {
    return call(Gens.frequency(
        Gens.w(3, Gens.constant(Call.Kind.STOP_BUILD_BATCH)),
        Gens.w(3, Gens.constant(Call.Kind.STOP_BUILD)),
        Gens.w(3, Gens.constant(Call.Kind.COMPLETE)),
        Gens.w(2, Gens.constant(Call.Kind.ADVANCE_BUILD_BATCH)),
        Gens.w(2, Gens.constant(Call.Kind.ADVANCE))));
  }

  private static Gen<Call> call(Gen<Call.Kind> kinds) {
    Gen<Integer> members = Gens.weighted(3, Gens.ints(0, 1), 1, Gens.ints(0, 99));
    Gen<StatusType> endings = Gens.weighted(3, Gens.constant(StatusType.SUCCEEDED),
        2, Gens.oneOf(BuildLifecycle.FINAL_STATUSES));
    return kinds.zip(members, endings, Call::new);
  }

  /** Calls on one of the batches the session started, picked by index; they do not apply before the first start. */
  private static Gen<Step<BatchSimulation>> onABatch(Gen<List<Call>> calls) {
    return Gens.ints(0, 99).zip(calls, (pick, chosen) -> state -> {
      if (!state.hasBatches()) {
        return Optional.empty();
      }
      String name = state.pickBatch(pick);
      return ModelCheck.perform(state.lines(name, chosen), () -> state.call(name, chosen));
    });
  }

  // a batch section in a line: its kind, fast-fail, and its builds (identifier, ? if it ignores failure, <- what it
  // depends on), or how many there are
  private static String describe(BatchSpec spec) {
    List<BatchTask> tasks = BatchExpansion.expand(spec).getOrElse(() -> spec instanceof BatchSpec.BuildGraph
        ? ((BatchSpec.BuildGraph) spec).tasks() : List.of());
    String builds = tasks.size() > 6 ? tasks.size() + " builds" : tasks.stream()
        .map(task -> task.identifier() + (task.ignoreFailure() ? "?" : "")
            + (task.dependOn().isEmpty() ? "" : " <- " + task.dependOn()))
        .collect(Collectors.joining(", "));
    return spec.kind().key() + (spec.fastFail() ? " fast-fail" : "") + ": " + builds;
  }
}
