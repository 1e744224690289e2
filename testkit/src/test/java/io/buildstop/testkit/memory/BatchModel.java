package io.buildstop.testkit.memory;

import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a batch and its members must be after each call, written from docs/batch-rules.md apart from the domain's
 * {@code BatchLifecycle}: only statuses and phases, no instants. The in-memory CodeBuild is checked against it.
 * Immutable: each call answers the model after it, so that racing calls can be replayed in every order.
 *
 * @param fastFail the batch section's {@code fast-fail}
 * @param combineArtifacts the batch's {@code buildBatchConfig.combineArtifacts}
 * @param phase the batch's current phase: a running one, or the one named after its final status
 * @param tasks the batch's builds, in its groups' order
 * @param members each member's status and phase, by identifier
 */
record BatchModel(boolean fastFail, boolean combineArtifacts, BuildBatchPhaseType phase, List<BatchTask> tasks,
    Map<String, Member> members) {

  /**
   * A member: not started (no status), running in a phase, or finished (in COMPLETED).
   *
   * @param status empty before it starts
   * @param phase empty before it starts
   */
  record Member(Optional<StatusType> status, Optional<BuildPhaseType> phase) {
    static final Member WAITING = new Member(Optional.empty(), Optional.empty());
    static final Member QUEUED = new Member(Optional.of(StatusType.IN_PROGRESS), Optional.of(BuildPhaseType.QUEUED));

    static Member ended(StatusType status) {
      return new Member(Optional.of(status), Optional.of(BuildPhaseType.COMPLETED));
    }

    boolean started() {
      return status.isPresent();
    }

    boolean running() {
      return status.equals(Optional.of(StatusType.IN_PROGRESS));
    }

    boolean finished() {
      return started() && !running();
    }

    @Override
    public String toString() {
      return status.map(s -> s + " in " + phase.orElseThrow()).orElse("not started");
    }
  }

  BatchModel {
    tasks = List.copyOf(tasks);
    members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** StartBuildBatch: DOWNLOAD_BATCHSPEC running, no member started. */
  static BatchModel started(List<BatchTask> tasks, boolean fastFail, boolean combineArtifacts) {
    Map<String, Member> members = new LinkedHashMap<>();
    tasks.forEach(task -> members.put(task.identifier(), Member.WAITING));
    return new BatchModel(fastFail, combineArtifacts, BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, tasks, members);
  }

  boolean running() {
    return phase == BuildBatchPhaseType.DOWNLOAD_BATCHSPEC || phase == BuildBatchPhaseType.IN_PROGRESS
        || phase == BuildBatchPhaseType.COMBINE_ARTIFACTS;
  }

  /** The batch's {@code buildBatchStatus}. */
  StatusType status() {
    return running() ? StatusType.IN_PROGRESS : StatusType.fromValue(phase.name());
  }

  Member member(String identifier) {
    return members.get(identifier);
  }

  /** The batch's advance: the next phase; in IN_PROGRESS, the batch settles. */
  BatchModel advance() {
    switch (phase) {
      case DOWNLOAD_BATCHSPEC:
        return withPhase(BuildBatchPhaseType.IN_PROGRESS).settle();
      case IN_PROGRESS:
        return settle();
      case COMBINE_ARTIFACTS:
        return withPhase(BuildBatchPhaseType.SUCCEEDED);
      default:
        return this;
    }
  }

  /** A member's next phase; after FINALIZING it succeeds. Only a running member of a running batch moves. */
  BatchModel advanceMember(String identifier) {
    Member member = member(identifier);
    if (!running() || !member.running()) {
      return this;
    }
    int next = BuildLifecycle.RUNNING_PHASES.indexOf(member.phase().orElseThrow()) + 1;
    return withMember(identifier, next == BuildLifecycle.RUNNING_PHASES.size()
        ? Member.ended(StatusType.SUCCEEDED)
        : new Member(member.status(), Optional.of(BuildLifecycle.RUNNING_PHASES.get(next)))).settle();
  }

  /** A running member of a running batch ends with {@code status} (StopBuild of a member: STOPPED). */
  BatchModel endMember(String identifier, StatusType status) {
    if (!running() || !member(identifier).running()) {
      return this;
    }
    return withMember(identifier, Member.ended(status)).settle();
  }

  /** StopBuildBatch: the running members stop, the batch is STOPPED; a finished batch stays as it is. */
  BatchModel stop() {
    return running() ? stopRunningMembers().withPhase(BuildBatchPhaseType.STOPPED) : this;
  }

  // in IN_PROGRESS the batch reacts to its members (docs/batch-rules.md §3, §4)
  private BatchModel settle() {
    if (phase != BuildBatchPhaseType.IN_PROGRESS) {
      return this;
    }
    if (fastFail && anyFailed()) {
      return stopRunningMembers().withPhase(BuildBatchPhaseType.FAILED);
    }
    Map<String, Member> next = new LinkedHashMap<>(members);
    for (BatchTask task : tasks) {
      boolean ready = task.dependOn().stream().allMatch(dependency -> member(dependency).finished()
          && (member(dependency).status().equals(Optional.of(StatusType.SUCCEEDED)) || ignoresFailure(dependency)));
      if (!member(task.identifier()).started() && ready) {
        next.put(task.identifier(), Member.QUEUED);
      }
    }
    BatchModel started = new BatchModel(fastFail, combineArtifacts, phase, tasks, next);
    if (started.members.values().stream().anyMatch(Member::running)) {
      return started;
    }
    boolean succeeded = !started.anyFailed() && started.members.values().stream().allMatch(Member::started);
    if (!succeeded) {
      return started.withPhase(BuildBatchPhaseType.FAILED);
    }
    return started.withPhase(combineArtifacts ? BuildBatchPhaseType.COMBINE_ARTIFACTS : BuildBatchPhaseType.SUCCEEDED);
  }

  private boolean anyFailed() {
    return tasks.stream().anyMatch(task -> member(task.identifier()).finished() && !ignoresFailure(task.identifier())
        && !member(task.identifier()).status().equals(Optional.of(StatusType.SUCCEEDED)));
  }

  private boolean ignoresFailure(String identifier) {
    return tasks.stream().anyMatch(task -> task.identifier().equals(identifier) && task.ignoreFailure());
  }

  private BatchModel stopRunningMembers() {
    Map<String, Member> next = new LinkedHashMap<>();
    members.forEach((identifier, member) ->
        next.put(identifier, member.running() ? Member.ended(StatusType.STOPPED) : member));
    return new BatchModel(fastFail, combineArtifacts, phase, tasks, next);
  }

  private BatchModel withPhase(BuildBatchPhaseType newPhase) {
    return new BatchModel(fastFail, combineArtifacts, newPhase, tasks, members);
  }

  private BatchModel withMember(String identifier, Member member) {
    Map<String, Member> next = new LinkedHashMap<>(members);
    next.put(identifier, member);
    return new BatchModel(fastFail, combineArtifacts, phase, tasks, next);
  }

  /** The batch's status and phase, then each member's: as {@link BatchSimulation#observed} shows a real batch. */
  @Override
  public String toString() {
    StringBuilder shown = new StringBuilder("batch " + status() + " in " + phase);
    members.forEach((identifier, member) -> shown.append("; ").append(identifier).append(": ").append(member));
    return shown.toString();
  }
}
