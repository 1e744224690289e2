package io.buildstop.domain.lifecycle;

import io.buildstop.domain.BatchSpecFailure;
import io.buildstop.domain.batch.BatchExpansion;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The life of a batch build and its member builds (docs/batch-rules.md), pure functions of (batch run, instant):
 * start it from its batch section, advance it phase by phase, let its members advance and finish, and settle the
 * batch from its members' statuses. Stopping is {@link BatchStopRules}; where AWS is silent, {@link BatchPolicy}.
 *
 * <p>Each function leaves a finished batch unchanged, with its members: a batch reaches one terminal state only,
 * whichever of completion and stop comes first, and so does each member (its rules are {@link BuildLifecycle}'s and
 * {@link StopRules}').
 */
public final class BatchLifecycle {
  /** The phases a batch runs through, in order, before the phase named after its final status. */
  public static final List<BuildBatchPhaseType> RUNNING_PHASES = List.of(
      BuildBatchPhaseType.SUBMITTED,
      BuildBatchPhaseType.DOWNLOAD_BATCHSPEC,
      BuildBatchPhaseType.IN_PROGRESS,
      BuildBatchPhaseType.COMBINE_ARTIFACTS);

  /**
   * The statuses a batch ends with here, each also the type of the bare phase that closes its phases (the
   * StopBuildBatch capture ends with {@code {"phaseType": "STOPPED", "startTime": T}}).
   */
  public static final List<StatusType> FINAL_STATUSES =
      List.of(StatusType.SUCCEEDED, StatusType.FAILED, StatusType.STOPPED);

  private BatchLifecycle() {}

  /**
   * Whether the batch has settled, as {@link BuildLifecycle#isComplete} judges a build: {@code complete} is true, or
   * {@code currentPhase} is a final-status phase (SUCCEEDED, FAILED, STOPPED). A status this version does not know
   * settles nothing.
   */
  public static boolean isComplete(BuildBatch batch) {
    return batch.complete().orElse(false) || batch.currentPhase()
        .filter(phase -> FINAL_STATUSES.stream().anyMatch(status -> status.wireValue().equals(phase.name())))
        .isPresent();
  }

  /**
   * StartBuildBatch: the batch as CodeBuild returns it, SUBMITTED closed as SUCCEEDED from {@code submittedAt} to
   * {@code at} and DOWNLOAD_BATCHSPEC running, IN_PROGRESS, not complete; one build group per build of the section
   * ({@link BatchExpansion}), with its {@code dependsOn} and {@code ignoreFailure}; one member per group, not started.
   *
   * @param configuration the batch's identity and configuration (id, arn, projectName, source, environment,
   *     buildBatchConfig...); its phases, status, times and groups are replaced
   * @param spec the batch section
   * @param memberConfiguration each member's identity and configuration (id, arn, environment overrides...): the
   *     caller's, since ids are not the domain's to make; its lifecycle members are cleared and its {@code
   *     buildBatchArn} set to the batch's {@code arn}
   * @param submittedAt when StartBuildBatch was called: the batch's {@code startTime}
   * @param at when the batch began to download its batch spec; not before {@code submittedAt}
   * @return the started batch, or the rule the section breaks (CodeBuild's InvalidInputException)
   * @throws IllegalArgumentException if {@code at} is before {@code submittedAt}
   */
  public static Either<BatchSpecFailure, BatchRun> start(BuildBatch configuration, BatchSpec spec,
      Function<BatchTask, Build> memberConfiguration, Instant submittedAt, Instant at) {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(memberConfiguration, "memberConfiguration");
    if (at.isBefore(submittedAt)) {
      throw new IllegalArgumentException("at " + at + " is before submittedAt " + submittedAt);
    }
    return BatchExpansion.expand(spec)
        .map(tasks -> start(configuration, spec.fastFail(), tasks, memberConfiguration, submittedAt, at));
  }

  private static BatchRun start(BuildBatch configuration, boolean fastFail, List<BatchTask> tasks,
      Function<BatchTask, Build> memberConfiguration, Instant submittedAt, Instant at) {
    List<BuildGroup> groups = new ArrayList<>();
    for (BatchTask task : tasks) {
      // the capture sends dependsOn as [] for a member without dependencies
      groups.add(BuildGroup.builder().identifier(task.identifier()).dependsOn(task.dependOn()).hasDependsOn(true)
          .ignoreFailure(task.ignoreFailure()).build());
    }
    BuildBatch batch = BuildBatch.builder().from(configuration)
        .phases(List.of(
            BatchPhases.close(BatchPhases.open(BuildBatchPhaseType.SUBMITTED, submittedAt), StatusType.SUCCEEDED, at),
            BatchPhases.open(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, at)))
        .hasPhases(true)
        .startTime(submittedAt)
        .endTime(Optional.empty())
        .buildBatchStatus(StatusType.IN_PROGRESS)
        .currentPhase(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC)
        .complete(false)
        .buildGroups(groups)
        .hasBuildGroups(true)
        .build();
    Map<String, Build> members = new LinkedHashMap<>();
    for (BatchTask task : tasks) {
      members.put(task.identifier(), notStarted(memberConfiguration.apply(task), batch));
    }
    return new BatchRun(batch, fastFail, members);
  }

  /**
   * The batch's next step at {@code at}: SUBMITTED becomes DOWNLOAD_BATCHSPEC; DOWNLOAD_BATCHSPEC succeeds and
   * IN_PROGRESS begins, starting every member without dependencies; in IN_PROGRESS the batch settles (members whose
   * dependencies let them start start; once nothing runs, the batch ends from its members' statuses, docs/batch-rules.md
   * §3, §4); COMBINE_ARTIFACTS succeeds and the batch ends SUCCEEDED. A batch that is not running, or whose running
   * phase this version does not know, comes back unchanged.
   */
  public static BatchRun advance(BatchRun run, Instant at) {
    BuildBatch batch = run.batch();
    Optional<BuildBatchPhaseType> running = BatchPhases.runningPhaseType(batch);
    if (!BatchStopRules.isStoppable(batch) || running.isEmpty()) {
      return run;
    }
    Instant end = BatchPhases.notBeforeRun(run, at);
    switch (running.get()) {
      case SUBMITTED:
        return run.withBatch(next(batch, BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, end));
      case DOWNLOAD_BATCHSPEC:
        return settle(run.withBatch(next(batch, BuildBatchPhaseType.IN_PROGRESS, end)), end);
      case IN_PROGRESS:
        return settle(run, end);
      case COMBINE_ARTIFACTS:
        return finish(run, StatusType.SUCCEEDED, end);
      default:
        return run;
    }
  }

  /** A member's next phase ({@link BuildLifecycle#advance}) at {@code at}, then the batch settles. */
  public static BatchRun advanceMember(BatchRun run, String identifier, Instant at) {
    return changeMember(run, identifier, member -> BuildLifecycle.advance(member, at), at);
  }

  /**
   * A member ends with {@code finalStatus} ({@link BuildLifecycle#complete}) at {@code at}, then the batch settles.
   *
   * @throws IllegalArgumentException if {@code finalStatus} is not one of {@link BuildLifecycle#FINAL_STATUSES}
   */
  public static BatchRun completeMember(BatchRun run, String identifier, StatusType finalStatus, Instant at) {
    return changeMember(run, identifier, member -> BuildLifecycle.complete(member, finalStatus, at), at);
  }

  /**
   * StopBuild of a member at {@code at}: the member stops by the build stop rules ({@link StopRules#stop}), then the
   * batch settles, counting the stopped member as {@link BatchPolicy} says.
   */
  public static BatchRun stopMember(BatchRun run, String identifier, Instant at) {
    return changeMember(run, identifier, member -> StopRules.stop(member, at), at);
  }

  // a member changes only while its batch runs: a finished batch comes back unchanged, members and all
  private static BatchRun changeMember(BatchRun run, String identifier, UnaryOperator<Build> change, Instant at) {
    Optional<Build> member = run.member(identifier);
    if (!BatchStopRules.isStoppable(run.batch()) || member.isEmpty()) {
      return run;
    }
    Build changed = change.apply(member.get());
    return changed.equals(member.get()) ? run : settle(run.withMember(identifier, changed), at);
  }

  /**
   * The batch reacts to its members at {@code at}, while IN_PROGRESS: with {@code fast-fail}, a member that fails the
   * batch stops the running ones and the batch ends FAILED; otherwise every member whose dependencies are satisfied
   * starts, and once no member runs or can still start the batch ends: SUCCEEDED when every member ran and none
   * failed it (through COMBINE_ARTIFACTS when the batch combines artifacts), else FAILED.
   */
  static BatchRun settle(BatchRun run, Instant at) {
    BuildBatch batch = run.batch();
    boolean inProgress = BatchPhases.runningPhaseType(batch).equals(Optional.of(BuildBatchPhaseType.IN_PROGRESS));
    if (!BatchStopRules.isStoppable(batch) || !inProgress) {
      return withSummaries(run);
    }
    Instant now = BatchPhases.notBeforeRun(run, at);
    if (run.fastFail() && anyFailed(run)) {
      // the user guide: with fast-fail, a failing build stops the batch's running builds
      return finish(changeEveryMember(run, member -> StopRules.stop(member, now)), StatusType.FAILED, now);
    }
    BatchRun started = startReady(run, now);
    if (!settled(started)) {
      return withSummaries(started);
    }
    boolean succeeded = !anyFailed(started) && started.members().keySet().stream().allMatch(started::isStarted);
    if (succeeded && batch.buildBatchConfig().flatMap(config -> config.combineArtifacts()).orElse(false)) {
      return withSummaries(started.withBatch(next(batch, BuildBatchPhaseType.COMBINE_ARTIFACTS, now)));
    }
    return finish(started, succeeded ? StatusType.SUCCEEDED : StatusType.FAILED, now);
  }

  /**
   * The batch ends at {@code at} with {@code status}: its running phase closes with that status, the bare phase named
   * after it follows, and the batch is complete, in that phase, ending at {@code at}.
   */
  static BatchRun finish(BatchRun run, StatusType status, Instant at) {
    BuildBatchPhaseType marker = BuildBatchPhaseType.fromValue(status.wireValue());
    BuildBatch batch = run.batch();
    BuildBatch finished = BuildBatch.builder().from(batch)
        .phases(BatchPhases.closeLast(batch, status, at, List.of(BatchPhases.open(marker, at))))
        .hasPhases(true)
        .buildBatchStatus(status)
        .complete(true)
        .currentPhase(marker)
        .endTime(at)
        .build();
    return withSummaries(run.withBatch(finished));
  }

  /** Every member through {@code change}: how a stop reaches each member at once. */
  static BatchRun changeEveryMember(BatchRun run, UnaryOperator<Build> change) {
    Map<String, Build> members = new LinkedHashMap<>();
    run.members().forEach((identifier, member) -> members.put(identifier, change.apply(member)));
    return new BatchRun(run.batch(), run.fastFail(), members);
  }

  /** Each group's {@code currentBuildSummary} as its member says: arn, start, status; none before it starts. */
  static BatchRun withSummaries(BatchRun run) {
    List<BuildGroup> groups = new ArrayList<>();
    for (BuildGroup group : run.batch().buildGroups()) {
      Optional<Build> member = group.identifier().flatMap(run::member).filter(BatchRun::started);
      groups.add(group.withCurrentBuildSummary(member.map(build -> summary(group, build))));
    }
    BuildBatch batch = run.batch().withBuildGroups(groups);
    return batch.equals(run.batch()) ? run : run.withBatch(batch);
  }

  private static BuildSummary summary(BuildGroup group, Build member) {
    BuildSummary current = group.currentBuildSummary().orElseGet(() -> BuildSummary.builder().build());
    return BuildSummary.builder().from(current)
        .arn(member.arn())
        .requestedOn(member.startTime())
        .buildStatusAsString(member.buildStatusAsString())
        .build();
  }

  private static BuildBatch next(BuildBatch batch, BuildBatchPhaseType next, Instant at) {
    return batch
        .withPhases(BatchPhases.closeLast(batch, StatusType.SUCCEEDED, at, List.of(BatchPhases.open(next, at))))
        .withCurrentPhase(next);
  }

  /** A member as it is before it starts: its configuration only, carrying the batch's ARN. */
  static Build notStarted(Build configuration, BuildBatch batch) {
    return Build.builder().from(configuration)
        .phases(List.of())
        .hasPhases(false)
        .buildStatusAsString(Optional.empty())
        .currentPhaseAsString(Optional.empty())
        .buildComplete(Optional.empty())
        .startTime(Optional.empty())
        .endTime(Optional.empty())
        .buildBatchArn(batch.arn())
        .build();
  }

  private static BatchRun startReady(BatchRun run, Instant at) {
    BatchRun result = run;
    for (BuildGroup group : run.batch().buildGroups()) {
      String identifier = group.identifier().orElse("");
      if (!run.isStarted(identifier) && run.member(identifier).isPresent() && ready(run, group)) {
        result = result.withMember(identifier, BuildLifecycle.start(run.member(identifier).get(), at));
      }
    }
    return result;
  }

  // every dependency finished in a way that lets its dependants start (BatchPolicy)
  private static boolean ready(BatchRun run, BuildGroup group) {
    return group.dependsOn().stream().allMatch(dependency -> run.group(dependency)
        .flatMap(g -> run.member(dependency).map(member -> BatchPolicy.satisfiesDependants(g, member)))
        .orElse(false));
  }

  private static boolean anyFailed(BatchRun run) {
    return run.batch().buildGroups().stream().anyMatch(group -> group.identifier().flatMap(run::member)
        .map(member -> BatchPolicy.failsTheBatch(group, member)).orElse(false));
  }

  /**
   * Whether nothing more can happen to the members, once {@code startReady} has run: no member runs. A member that
   * has not started then never can: every member whose dependencies all let it start has just started, so each one
   * left waits behind a dependency that finished without letting it (or behind one that never starts, or a group
   * that is not there), and nothing runs that could change that.
   */
  private static boolean settled(BatchRun run) {
    return run.members().values().stream().noneMatch(StopRules::isStoppable);
  }
}
