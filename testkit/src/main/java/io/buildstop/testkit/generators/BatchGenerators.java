package io.buildstop.testkit.generators;

import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.RetryBuildBatchType;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.ProjectBuildBatchConfig;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.properties.Gens;
import java.time.Instant;
import org.quicktheories.core.Gen;

/**
 * Batch builds in real states, reached the way CodeBuild reaches them: a batch section ({@link BatchSpecs}: lists,
 * graphs with dependencies, matrices, fan-outs, with and without {@code fast-fail} and {@code ignore-failure}),
 * {@link BatchLifecycle#start}, then a history of events ({@link BatchStep}): the batch advancing, members advancing,
 * finishing in every final status and stopped, and StopBuildBatch, racing in every order.
 */
public final class BatchGenerators {
  private static final String ACCOUNT = "arn:aws:codebuild:us-east-1:123456789012:";

  private BatchGenerators() {}

  /** Batches as StartBuildBatch returns them, DOWNLOAD_BATCHSPEC running, from any valid batch section. */
  public static Gen<BatchRun> startedBatches() {
    return started(BatchSpecs.batchSpecs());
  }

  /**
   * Histories of up to {@code maxSteps} events after a start, from any valid batch section; sections with
   * dependencies (graphs) one time in two.
   */
  public static Gen<BatchHistory> histories(int maxSteps) {
    Gen<BatchSpec> specs = Gens.weighted(1, BatchSpecs.batchSpecs(), 1, Gens.widen(BatchSpecs.buildGraphs()));
    return started(specs).zip(Gens.lists(steps(), 0, maxSteps), (run, steps) ->
        new BatchHistory(run, lastInstant(run), steps));
  }

  /**
   * Batches in every state a history reaches: running in any phase with members in any state, or finished. One time
   * in two it is the history's last state in which the batch still ran, so that the running states a batch passes
   * through in one step (COMBINE_ARTIFACTS, or a member just started) come often, not only when a history ends there.
   */
  public static Gen<BatchRun> batchRuns() {
    return histories(40).zip(Gens.booleans(), (history, lastRunning) -> {
      BatchRun chosen = history.start();
      for (BatchHistory.State state : history.states()) {
        if (!lastRunning || BatchStopRules.isStoppable(state.run().batch())) {
          chosen = state.run();
        }
      }
      return chosen;
    });
  }

  /**
   * Finished batches in every final state: batches a history reached, stopped (StopBuildBatch) when the history left
   * them running; a batch ends SUCCEEDED, FAILED or STOPPED here.
   */
  public static Gen<BatchRun> finishedBatchRuns() {
    return batchRuns().map(run -> BatchStopRules.stop(run, lastInstant(run)));
  }

  /** RetryBuildBatch's two retry types. */
  public static Gen<RetryBuildBatchType> retryTypes() {
    return Gens.oneOf(RetryBuildBatchType.values());
  }

  /**
   * A retried member's next attempt as a backend makes it: a new id and ARN (the old ones with {@code -again}), the
   * rest of its configuration kept; unique across attempts, as the retry rule needs.
   */
  public static Build nextAttempt(Build member) {
    return member.withId(member.id().orElseThrow() + "-again").withArn(member.arn().orElseThrow() + "-again");
  }

  /**
   * Events, weighted so that batches run and finish more often than they are stopped: the batch advances, a running
   * member advances or finishes in any final status, StopBuild of a member, StopBuildBatch; now and then at an instant
   * earlier than the event before (another clock's skew).
   */
  public static Gen<BatchStep> steps() {
    Gen<BatchStep.Kind> kinds = Gens.frequency(
        Gens.w(4, Gens.constant(BatchStep.Kind.ADVANCE_BATCH)),
        Gens.w(6, Gens.constant(BatchStep.Kind.ADVANCE_MEMBER)),
        Gens.w(6, Gens.constant(BatchStep.Kind.COMPLETE_MEMBER)),
        Gens.w(1, Gens.constant(BatchStep.Kind.STOP_MEMBER)),
        Gens.w(1, Gens.constant(BatchStep.Kind.STOP_BATCH)));
    Gen<StatusType> endings = Gens.weighted(4, Gens.constant(StatusType.SUCCEEDED),
        1, Gens.oneOf(BuildLifecycle.FINAL_STATUSES));
    Gen<Long> gaps = Gens.weighted(9, BuildGenerators.gapsInMillis(), 1, Gens.longs(-5_000, -1));
    return kinds.zip(Gens.ints(0, 7), endings, gaps, BatchStep::new);
  }

  /** The latest instant the batch or any member records: where a history's clock stands. */
  public static Instant lastInstant(BatchRun run) {
    Instant latest = run.batch().startTime().orElse(MemberValues.EARLIEST);
    for (var phase : run.batch().phases()) {
      latest = later(latest, phase.startTime().orElse(latest));
    }
    for (Build member : run.members().values()) {
      latest = later(latest, BuildGenerators.latestInstant(member));
    }
    return latest;
  }

  private static Instant later(Instant one, Instant other) {
    return other.isAfter(one) ? other : one;
  }

  private static Gen<BatchRun> started(Gen<BatchSpec> specs) {
    return specs.zip(configurations(), MemberValues.instants(), BuildGenerators.gapsInMillis(),
        (spec, configuration, submittedAt, gap) -> BatchLifecycle.start(configuration, spec,
            task -> member(configuration, task), submittedAt, submittedAt.plusMillis(gap)).get());
  }

  // a batch's identity as CodeBuild gives it, and a config that combines artifacts or not
  private static Gen<BuildBatch> configurations() {
    return Gens.strings(Gens.ALPHANUMERIC, 8, 8).zip(Gens.ints(1, 500), Gens.booleans(),
        (uuid, number, combine) -> BuildBatch.builder()
            .id("batch-project:" + uuid)
            .arn(ACCOUNT + "build-batch/batch-project:" + uuid)
            .projectName("batch-project")
            .buildBatchNumber((long) number)
            .buildBatchConfig(ProjectBuildBatchConfig.builder().combineArtifacts(combine).build())
            .build());
  }

  // members get ids from the batch's and their identifier: unique within the batch, as the rules need
  private static Build member(BuildBatch batch, BatchTask task) {
    String id = "batch-project:" + batch.id().orElseThrow().substring("batch-project:".length()) + "-"
        + task.identifier();
    return Build.builder().id(id).arn(ACCOUNT + "build/" + id).projectName("batch-project").build();
  }
}
