package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What holds for every real batch and its members (docs/batch-rules.md), one constant per rule, each a predicate
 * over a {@link BatchRun}. {@link BatchInvariants#check(BatchRun)} names the first one a batch breaks. The phase rules
 * are a build's (spec §3) with a batch's phase types; the others tie the batch to its members.
 *
 * <p>Rules about the status apply to the statuses this version knows; a status a newer CodeBuild sends is not judged.
 */
public enum BatchInvariant {
  /** A batch carries its lifecycle members: status, completeness, current phase, start time and phases. */
  LIFECYCLE_MEMBERS_PRESENT(run -> run.batch().buildBatchStatusAsString().isPresent()
      && run.batch().complete().isPresent()
      && run.batch().currentPhaseAsString().isPresent()
      && run.batch().startTime().isPresent()
      && !run.batch().phases().isEmpty()),

  /** {@code complete} is true exactly when {@code buildBatchStatus} is not IN_PROGRESS. */
  COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS(run -> knownStatus(run.batch())
      .map(status -> run.batch().complete().equals(Optional.of(status != StatusType.IN_PROGRESS)))
      .orElse(true)),

  /** The first phase is SUBMITTED and starts at the batch's {@code startTime}. */
  FIRST_PHASE_IS_SUBMITTED_AT_START_TIME(run -> run.batch().phases().isEmpty()
      || run.batch().phases().get(0).phaseType().equals(Optional.of(BuildBatchPhaseType.SUBMITTED))
          && run.batch().phases().get(0).startTime().equals(run.batch().startTime())),

  /**
   * Within each attempt, phase types appear in lifecycle order, each at most once; a final-status phase comes last,
   * or ends an attempt a retry followed: closed with {@code phaseStatus} RETRY, a new SUBMITTED phase after it.
   */
  PHASES_IN_LIFECYCLE_ORDER(run -> {
    List<BuildBatchPhase> phases = run.batch().phases();
    int previous = -1;
    for (int i = 0; i < phases.size(); i++) {
      int order = phases.get(i).phaseType().map(BatchInvariant::lifecycleOrder).orElse(-1);
      boolean marker = order >= BatchLifecycle.RUNNING_PHASES.size();
      if (order >= 0 && order <= previous) {
        return false;
      }
      if (marker && i != phases.size() - 1) {
        if (!endsAnAttempt(phases, i)) {
          return false;
        }
        previous = -1;
        continue;
      }
      previous = Math.max(previous, order);
    }
    return true;
  }),

  /** Every phase but the last is closed (status, end time, duration); the last is open, with none. */
  ONLY_THE_LAST_PHASE_IS_OPEN(run -> {
    List<BuildBatchPhase> phases = run.batch().phases();
    for (int i = 0; i < phases.size(); i++) {
      BuildBatchPhase phase = phases.get(i);
      boolean closed = phase.phaseStatusAsString().isPresent() && phase.endTime().isPresent()
          && phase.durationInSeconds().isPresent();
      boolean open = phase.phaseStatusAsString().isEmpty() && phase.endTime().isEmpty()
          && phase.durationInSeconds().isEmpty();
      if (i == phases.size() - 1 ? !open : !closed) {
        return false;
      }
    }
    return true;
  }),

  /** Phases are contiguous: each closed phase ends where the next starts. */
  PHASES_CONTIGUOUS(run -> {
    List<BuildBatchPhase> phases = run.batch().phases();
    for (int i = 0; i + 1 < phases.size(); i++) {
      if (!phases.get(i).endTime().equals(phases.get(i + 1).startTime())) {
        return false;
      }
    }
    return true;
  }),

  /** A closed phase lasts {@code floor(endTime - startTime)} whole seconds, never negative (as a build's, §3.4). */
  DURATION_IS_FLOORED_ELAPSED_SECONDS(run -> run.batch().phases().stream().allMatch(phase ->
      phase.endTime().isEmpty()
          || phase.startTime().isPresent()
              && !phase.endTime().get().isBefore(phase.startTime().get())
              && phase.durationInSeconds().equals(Optional.of(
                  Phases.wholeSecondsBetween(phase.startTime().get(), phase.endTime().get()))))),

  /** A running batch is in its last phase, one of the running phases, which {@code currentPhase} names; no end. */
  RUNNING_BATCH_IS_IN_ITS_LAST_PHASE(run -> !BatchStopRules.isStoppable(run.batch())
      || run.batch().endTime().isEmpty()
          && BatchPhases.last(run.batch()).map(last -> last.phaseTypeAsString()
              .equals(run.batch().currentPhaseAsString())
              && last.phaseType().map(BatchLifecycle.RUNNING_PHASES::contains).orElse(false)).orElse(false)),

  /**
   * A finished batch ends with the bare phase named after its status, which {@code currentPhase} names, and its
   * {@code endTime} is that phase's start (the StopBuildBatch capture).
   */
  FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE(run -> knownStatus(run.batch())
      .filter(BatchLifecycle.FINAL_STATUSES::contains)
      .map(status -> run.batch().currentPhaseAsString().equals(Optional.of(status.wireValue()))
          && BatchPhases.last(run.batch()).map(last -> last.phaseTypeAsString().equals(Optional.of(status.wireValue()))
              && last.startTime().isPresent()
              && last.startTime().equals(run.batch().endTime())).orElse(false))
      .orElse(true)),

  /** The batch does not end before it starts. */
  END_NOT_BEFORE_START(run -> run.batch().endTime().isEmpty()
      || run.batch().startTime().isPresent() && !run.batch().endTime().get().isBefore(run.batch().startTime().get())),

  /** Each group has an identifier, no two the same, and exactly the groups have members. */
  ONE_MEMBER_PER_GROUP(run -> {
    Set<String> identifiers = new HashSet<>();
    for (BuildGroup group : run.batch().buildGroups()) {
      if (group.identifier().isEmpty() || !identifiers.add(group.identifier().get())) {
        return false;
      }
    }
    return identifiers.equals(run.members().keySet());
  }),

  /** Every member belongs to the batch: its {@code buildBatchArn} is the batch's {@code arn}. */
  MEMBERS_CARRY_THE_BATCH_ARN(run -> run.members().values().stream()
      .allMatch(member -> member.buildBatchArn().equals(run.batch().arn()))),

  /** Every member that has started is a real build (spec §3, {@link BuildInvariants}). */
  STARTED_MEMBERS_ARE_REAL_BUILDS(run -> run.members().values().stream()
      .filter(BatchRun::started)
      .allMatch(member -> BuildInvariants.check(member).isRight())),

  /**
   * A group's {@code currentBuildSummary} mirrors its member: the member's arn, start ({@code requestedOn}) and
   * status once it has started; no summary before.
   */
  SUMMARY_MIRRORS_MEMBER(run -> run.batch().buildGroups().stream().allMatch(group -> {
    Optional<Build> member = group.identifier().flatMap(run::member);
    Optional<BuildSummary> summary = group.currentBuildSummary();
    if (member.filter(BatchRun::started).isEmpty()) {
      return summary.isEmpty();
    }
    return summary.isPresent()
        && summary.get().arn().equals(member.get().arn())
        && summary.get().requestedOn().equals(member.get().startTime())
        && summary.get().buildStatusAsString().equals(member.get().buildStatusAsString());
  })),

  /**
   * Members start only in the batch's IN_PROGRESS phase or later, and only once every group they depend on has
   * finished as {@link BatchPolicy#satisfiesDependants} says, not before it ended.
   */
  MEMBERS_START_AFTER_THEIR_DEPENDENCIES(run -> run.batch().buildGroups().stream().allMatch(group -> {
    Optional<Build> member = group.identifier().flatMap(run::member).filter(BatchRun::started);
    if (member.isEmpty()) {
      return true;
    }
    Instant start = member.get().startTime().orElse(Instant.MIN);
    Optional<Instant> inProgress = run.batch().phases().stream()
        .filter(phase -> phase.phaseType().equals(Optional.of(BuildBatchPhaseType.IN_PROGRESS)))
        .findFirst().flatMap(BuildBatchPhase::startTime);
    return inProgress.map(begun -> !start.isBefore(begun)).orElse(false)
        && group.dependsOn().stream().allMatch(dependency -> run.group(dependency)
            .flatMap(g -> run.member(dependency).filter(d -> BatchPolicy.satisfiesDependants(g, d)))
            .flatMap(Build::endTime)
            .map(end -> !start.isBefore(end))
            .orElse(false));
  })),

  /** No member runs in a finished batch, and none ended after the batch did. */
  FINISHED_BATCH_HAS_NO_RUNNING_MEMBER(run -> !BatchLifecycle.isComplete(run.batch())
      || run.members().values().stream().allMatch(member -> !StopRules.isStoppable(member)
          && member.endTime().map(end -> run.batch().endTime().map(e -> !end.isAfter(e)).orElse(false))
              .orElse(true))),

  /**
   * Each group's prior attempts ({@code priorBuildSummaryList}) are builds that finished, none of them the current
   * member nor named twice, and a group has no more of them than the batch has had retries (RETRY phases).
   */
  PRIOR_ATTEMPTS_FINISHED_BEFORE_A_RETRY(run -> {
    long retries = run.batch().phases().stream()
        .filter(phase -> phase.phaseStatusAsString().equals(Optional.of(BatchRetryRules.RETRY_PHASE_STATUS))).count();
    return run.batch().buildGroups().stream().allMatch(group -> {
      List<BuildSummary> prior = group.priorBuildSummaryList();
      Optional<String> current = group.identifier().flatMap(run::member).flatMap(Build::arn);
      Set<String> arns = new HashSet<>();
      return prior.size() <= retries && prior.stream().allMatch(summary -> summary.arn().isPresent()
          && arns.add(summary.arn().get()) && !summary.arn().equals(current)
          && summary.buildStatusAsString().isPresent()
          && !summary.buildStatusAsString().equals(Optional.of(StatusType.IN_PROGRESS.wireValue())));
    });
  }),

  /**
   * The batch's status follows its members': SUCCEEDED when every member ran and none failed it, FAILED when one
   * failed it or one never ran ({@link BatchPolicy}), STOPPED with every member that ran finished by the batch's end.
   */
  STATUS_FOLLOWS_MEMBERS(run -> {
    Optional<StatusType> status = knownStatus(run.batch());
    boolean anyFailed = run.batch().buildGroups().stream().anyMatch(group -> group.identifier()
        .flatMap(run::member).map(member -> BatchPolicy.failsTheBatch(group, member)).orElse(false));
    boolean allRan = run.members().values().stream().allMatch(BatchRun::started);
    if (status.equals(Optional.of(StatusType.SUCCEEDED))) {
      return allRan && !anyFailed;
    }
    if (status.equals(Optional.of(StatusType.FAILED))) {
      return anyFailed || !allRan;
    }
    return true;
  });

  private final Predicate<BatchRun> rule;

  BatchInvariant(Predicate<BatchRun> rule) {
    this.rule = rule;
  }

  /** Whether {@code run} satisfies this invariant. */
  public boolean holdsFor(BatchRun run) {
    return rule.test(run);
  }

  // a final-status phase that a retry closed, followed by the next attempt's SUBMITTED
  private static boolean endsAnAttempt(List<BuildBatchPhase> phases, int i) {
    return phases.get(i).phaseStatusAsString().equals(Optional.of(BatchRetryRules.RETRY_PHASE_STATUS))
        && i + 1 < phases.size()
        && phases.get(i + 1).phaseType().equals(Optional.of(BuildBatchPhaseType.SUBMITTED));
  }

  private static Optional<StatusType> knownStatus(BuildBatch batch) {
    return batch.buildBatchStatus().filter(status -> status != StatusType.UNKNOWN_TO_SDK_VERSION);
  }

  // the running phases in order, then any final-status phase after them all
  private static int lifecycleOrder(BuildBatchPhaseType type) {
    int running = BatchLifecycle.RUNNING_PHASES.indexOf(type);
    if (running >= 0) {
      return running;
    }
    return type == BuildBatchPhaseType.UNKNOWN_TO_SDK_VERSION ? -1 : BatchLifecycle.RUNNING_PHASES.size();
  }
}
