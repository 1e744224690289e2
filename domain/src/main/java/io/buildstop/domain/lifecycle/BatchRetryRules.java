package io.buildstop.domain.lifecycle;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What RetryBuildBatch does to a batch and its members (docs/batch-rules.md §5a), a pure function of (batch run,
 * instant), as {@link BatchStopRules} is StopBuildBatch. The batch is retried in place: the same id, ARN and
 * {@code buildBatchNumber}, its finished phases kept and new ones appended, as in the AWS CLI's
 * {@code retry-build-batch} example (below: "the retry capture").
 *
 * <p>Backends apply {@link #retry} inside the one atomic update that holds the batch and its members: a retry
 * racing another retry, a stop or a member's change sees the batch before or after, never half retried.
 */
public final class BatchRetryRules {
  /**
   * The {@code phaseStatus} that closes the final-status phase of an attempt a retry ended: the retry capture's
   * {@code {"phaseType": "FAILED", "phaseStatus": "RETRY", ...}}, followed by a new SUBMITTED phase.
   */
  public static final String RETRY_PHASE_STATUS = "RETRY";

  private BatchRetryRules() {}

  /**
   * RetryBuildBatch at {@code at}. A batch {@link BatchPolicy#isRetryable} starts a new attempt at T, the latest of
   * {@code at} and every instant the batch and its members record: its final-status phase closes with {@code
   * phaseStatus} RETRY at T and a new SUBMITTED phase opens at T; the batch is IN_PROGRESS again, not complete, in
   * SUBMITTED, without an end time. Each member {@link BatchPolicy#membersToRetry} chooses gets a new attempt: its
   * group's {@code currentBuildSummary} moves to the end of its {@code priorBuildSummaryList}, and the member is
   * replaced by {@code nextAttempt} of it, not started, to start when the batch's IN_PROGRESS phase lets it, as at
   * the first attempt. The other members keep their builds. Identity, configuration and earlier phases stay.
   *
   * @param run the batch and its members as the backend holds them; not null
   * @param type which members run again; not null
   * @param nextAttempt given a member that runs again, the new build's identity and configuration (a new id and ARN:
   *     ids are not the domain's to make); its lifecycle members are cleared
   * @param at when the retry call happened, from the backend's clock; not null
   * @return the retried batch, or {@link StopFailure.InvalidInput} for a batch that cannot be retried (still running,
   *     or succeeded), which is then unchanged
   */
  public static Either<StopFailure, BatchRun> retry(BatchRun run, RetryBuildBatchType type,
      UnaryOperator<Build> nextAttempt, Instant at) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(nextAttempt, "nextAttempt");
    BuildBatch batch = run.batch();
    if (!BatchPolicy.isRetryable(batch)) {
      return Either.left(new StopFailure.InvalidInput("Only batch builds that have failed can be retried: build batch "
          + batch.id().orElse("") + " is " + batch.buildBatchStatusAsString().orElse("without a status"),
          Optional.empty()));
    }
    Instant start = BatchPhases.notBeforeRun(run, at);
    Set<String> retried = BatchPolicy.membersToRetry(run, type);
    List<BuildGroup> groups = new ArrayList<>();
    for (BuildGroup group : batch.buildGroups()) {
      boolean again = group.identifier().map(retried::contains).orElse(false);
      groups.add(again ? withPriorAttempt(group) : group);
    }
    BuildBatch retriedBatch = BuildBatch.builder().from(batch)
        .phases(BatchPhases.closeLast(batch, RETRY_PHASE_STATUS, start,
            List.of(BatchPhases.open(BuildBatchPhaseType.SUBMITTED, start))))
        .hasPhases(true)
        .buildBatchStatus(StatusType.IN_PROGRESS)
        .complete(false)
        .currentPhase(BuildBatchPhaseType.SUBMITTED)
        .endTime(Optional.empty())
        .buildGroups(groups)
        .hasBuildGroups(true)
        .build();
    BatchRun result = run.withBatch(retriedBatch);
    for (String identifier : retried) {
      result = result.withMember(identifier,
          BatchLifecycle.notStarted(nextAttempt.apply(run.member(identifier).orElseThrow()), retriedBatch));
    }
    return Either.right(result);
  }

  // the group's current attempt becomes a prior one; the next attempt has no summary until its build starts
  private static BuildGroup withPriorAttempt(BuildGroup group) {
    List<BuildSummary> prior = new ArrayList<>(group.priorBuildSummaryList());
    group.currentBuildSummary().ifPresent(prior::add);
    return BuildGroup.builder().from(group)
        .priorBuildSummaryList(prior)
        .hasPriorBuildSummaryList(true)
        .currentBuildSummary(Optional.empty())
        .build();
  }
}
