package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.Optional;

/**
 * buildstop's policy where AWS is silent about batches, in one place (docs/batch-rules.md, "buildstop's policy"):
 * <ol>
 *   <li><b>Members after StopBuildBatch.</b> Each running member build stops by the build stop rules (spec §4.2) at
 *       the batch's stop instant, so it reports STOPPED; a member that has not started never starts, and has no
 *       build summary.</li>
 *   <li><b>StopBuild on a member.</b> It stops that build only (spec §4). To its batch, a member that ended in any
 *       status but SUCCEEDED (STOPPED included) has failed: unless its group has {@code ignoreFailure}, the batch ends
 *       FAILED, the groups that depend on it never start, and with {@code fast-fail} the other running members stop
 *       at once. The batch itself reports STOPPED only after StopBuildBatch.</li>
 * </ol>
 * The rules that apply this policy ({@link BatchLifecycle}, {@link BatchStopRules}) ask it here and nowhere else.
 */
public final class BatchPolicy {
  private BatchPolicy() {}

  /** Rule 1: what StopBuildBatch at {@code at} does to one member, started or not. */
  public static Build stopWithBatch(Build member, Instant at) {
    // StopRules.stop leaves a member that is not running (finished, or never started) as it is
    return StopRules.stop(member, at);
  }

  /** Rule 2: whether the member has finished in a way that fails its batch. */
  public static boolean failsTheBatch(BuildGroup group, Build member) {
    return BuildLifecycle.isComplete(member) && !succeeded(member) && !ignoresFailure(group);
  }

  /**
   * Rule 2, for a group that depends on this one: whether the member has finished in a way that lets its dependants
   * start (SUCCEEDED, or any final status when its group ignores failure).
   */
  public static boolean satisfiesDependants(BuildGroup group, Build member) {
    return BuildLifecycle.isComplete(member) && (succeeded(member) || ignoresFailure(group));
  }

  private static boolean succeeded(Build member) {
    return member.buildStatus().equals(Optional.of(StatusType.SUCCEEDED));
  }

  private static boolean ignoresFailure(BuildGroup group) {
    return group.ignoreFailure().orElse(false);
  }
}
