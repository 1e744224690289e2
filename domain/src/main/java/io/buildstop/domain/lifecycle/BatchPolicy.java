package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 *   <li><b>Which batches RetryBuildBatch restarts.</b> AWS: "Only batch builds that have failed can be retried".
 *       Here: a finished batch whose status is any but SUCCEEDED (FAILED, FAULT, TIMED_OUT, STOPPED); a running or
 *       succeeded batch is refused with {@code InvalidInputException} and unchanged.</li>
 *   <li><b>Which members a retry runs again.</b> RETRY_ALL_BUILDS: every member that ran. RETRY_FAILED_BUILDS: every
 *       member that ran and did not succeed, its group's {@code ignoreFailure} notwithstanding. Either way, also every
 *       member that ran and depends, directly or not, on one that runs again, so that no member's build predates its
 *       dependency's. Members that never ran start in the new attempt as at the first. Without {@code retryType},
 *       RETRY_ALL_BUILDS.</li>
 *   <li><b>DeleteBuildBatch of a batch with running members.</b> The batch is deleted, whatever its status, with
 *       every finished build it ran (prior attempts included); a member build still running is not deleted, and is
 *       answered in {@code buildsNotDeleted} with {@code statusCode} BUILD_IN_PROGRESS, as BatchDeleteBuilds answers
 *       a running build. It goes on as a build of its own and can be stopped with StopBuild.</li>
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

  /** Rule 3: the statuses of a batch RetryBuildBatch restarts. */
  public static final List<StatusType> RETRYABLE_STATUSES =
      List.of(StatusType.FAILED, StatusType.FAULT, StatusType.TIMED_OUT, StatusType.STOPPED);

  /** Rule 4: the retry type of a RetryBuildBatch that sends none. */
  public static final RetryBuildBatchType DEFAULT_RETRY_TYPE = RetryBuildBatchType.RETRY_ALL_BUILDS;

  /** Rule 5: the {@code statusCode} of a running member that DeleteBuildBatch does not delete. */
  public static final String BUILD_IN_PROGRESS = BuildDeletion.BUILD_IN_PROGRESS;

  /** Rule 3: whether RetryBuildBatch restarts this batch: it has finished, and did not succeed. */
  public static boolean isRetryable(BuildBatch batch) {
    return BatchLifecycle.isComplete(batch) && batch.buildBatchStatus().filter(RETRYABLE_STATUSES::contains).isPresent();
  }

  /**
   * Rule 4: the group identifiers of the members a retry of {@code type} runs again, in the groups' order: members
   * that ran, chosen by {@code type}, then every member that ran and depends on a chosen one.
   */
  public static Set<String> membersToRetry(BatchRun run, RetryBuildBatchType type) {
    Set<String> chosen = new LinkedHashSet<>();
    for (BuildGroup group : run.batch().buildGroups()) {
      group.identifier().filter(run::isStarted)
          .filter(identifier -> type == RetryBuildBatchType.RETRY_ALL_BUILDS
              || !succeeded(run.member(identifier).orElseThrow()))
          .ifPresent(chosen::add);
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (BuildGroup group : run.batch().buildGroups()) {
        Optional<String> identifier = group.identifier().filter(run::isStarted);
        if (identifier.isPresent() && !chosen.contains(identifier.get())
            && group.dependsOn().stream().anyMatch(chosen::contains)) {
          chosen.add(identifier.get());
          grew = true;
        }
      }
    }
    // in the groups' order, whatever order the dependants were found in
    Set<String> ordered = new LinkedHashSet<>();
    run.batch().buildGroups().forEach(group -> group.identifier().filter(chosen::contains).ifPresent(ordered::add));
    return ordered;
  }

  /** Rule 5: whether DeleteBuildBatch deletes this started member: it does unless the member still runs. */
  public static boolean isDeletedWithItsBatch(Build member) {
    return BuildDeletion.isDeletable(member);
  }

  private static boolean succeeded(Build member) {
    return member.buildStatus().equals(Optional.of(StatusType.SUCCEEDED));
  }

  private static boolean ignoresFailure(BuildGroup group) {
    return group.ignoreFailure().orElse(false);
  }
}
