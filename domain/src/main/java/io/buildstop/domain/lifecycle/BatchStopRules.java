package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.Optional;

/**
 * What StopBuildBatch does to a batch and its members (docs/batch-rules.md), as {@link StopRules} is StopBuild for
 * one build; pure functions of (batch run, instant).
 *
 * <p>Backends apply {@link #stop(BatchRun, Instant)} inside one atomic update that holds the batch and its members,
 * which makes a second stop a no-op and gives the batch, and each member, exactly one terminal transition however
 * StopBuildBatch, StopBuild of a member and natural completion race: whoever comes second finds them finished.
 */
public final class BatchStopRules {
  private BatchStopRules() {}

  /** Exactly the batches whose {@code buildBatchStatus} is IN_PROGRESS can be stopped, in any phase. */
  public static boolean isStoppable(BuildBatch batch) {
    return batch.buildBatchStatus().equals(Optional.of(StatusType.IN_PROGRESS));
  }

  /**
   * StopBuildBatch at {@code at}: a running batch stops as {@link #stopRunning(BatchRun, Instant)} says; any other
   * comes back unchanged, members and all, with its final status, which makes a second stop a no-op.
   *
   * @param run the batch and its members as the backend holds them; not null
   * @param at when the stop call happened, from the backend's clock; not null
   * @return the batch and its members after the stop; never null
   */
  public static BatchRun stop(BatchRun run, Instant at) {
    return isStoppable(run.batch()) ? stopRunning(run, at) : run;
  }

  /**
   * One instant T for the batch and all its members (the latest of {@code at} and what they already record, so
   * nothing ends before it began): every running member stops at T by the build stop rules, as {@link BatchPolicy}
   * says, and members that have not started never will; the batch's running phase closes STOPPED at T with its
   * duration floored, a bare {@code {STOPPED, T}} phase follows, and the batch is STOPPED, complete, in phase
   * STOPPED, ending at T (the StopBuildBatch capture). Identity, configuration, groups and earlier phases stay.
   */
  public static BatchRun stopRunning(BatchRun run, Instant at) {
    Instant end = BatchPhases.notBeforeRun(run, at);
    return BatchLifecycle.finish(
        BatchLifecycle.changeEveryMember(run, member -> BatchPolicy.stopWithBatch(member, end)),
        StatusType.STOPPED, end);
  }
}
