package io.buildstop.testkit.generators;

import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event in a batch's life, applied by the domain's batch rules, and described like the call that causes it
 * ({@code complete-member running#1 FAILED +2500ms}) so that a shrunk history reads as a reproduction recipe.
 *
 * @param kind what happens
 * @param runningMember for the member events, which member: the {@code n}-th running one (modulo how many run), so that
 *     a step always means something; no member runs, nothing happens
 * @param finalStatus for {@link Kind#COMPLETE_MEMBER}, the status the member ends with
 * @param gapMillis how long after the previous event it happens; negative for another clock's skew
 */
public record BatchStep(Kind kind, int runningMember, StatusType finalStatus, long gapMillis) {

  /** The events. */
  public enum Kind {
    /** {@link BatchLifecycle#advance}. */
    ADVANCE_BATCH("advance-batch"),
    /** {@link BatchLifecycle#advanceMember}. */
    ADVANCE_MEMBER("advance-member"),
    /** {@link BatchLifecycle#completeMember}. */
    COMPLETE_MEMBER("complete-member"),
    /** StopBuild of a member: {@link BatchLifecycle#stopMember}. */
    STOP_MEMBER("stop-build"),
    /** StopBuildBatch: {@link BatchStopRules#stop}. */
    STOP_BATCH("stop-build-batch");

    private final String command;

    Kind(String command) {
      this.command = command;
    }
  }

  /** Rejects nulls. */
  public BatchStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(finalStatus, "finalStatus");
  }

  /** The event applied to {@code run} at {@code at}. */
  public BatchRun apply(BatchRun run, Instant at) {
    switch (kind) {
      case ADVANCE_BATCH:
        return BatchLifecycle.advance(run, at);
      case STOP_BATCH:
        return BatchStopRules.stop(run, at);
      default:
        break;
    }
    Optional<String> member = member(run);
    if (member.isEmpty()) {
      return run;
    }
    switch (kind) {
      case ADVANCE_MEMBER:
        return BatchLifecycle.advanceMember(run, member.get(), at);
      case COMPLETE_MEMBER:
        return BatchLifecycle.completeMember(run, member.get(), finalStatus, at);
      default:
        return BatchLifecycle.stopMember(run, member.get(), at);
    }
  }

  /** The identifier of the member this step acts on in {@code run}, if any runs. */
  public Optional<String> member(BatchRun run) {
    List<String> running = run.members().entrySet().stream()
        .filter(entry -> StopRules.isStoppable(entry.getValue()))
        .map(Map.Entry::getKey)
        .toList();
    return running.isEmpty() ? Optional.empty() : Optional.of(running.get(Math.floorMod(runningMember, running.size())));
  }

  @Override
  public String toString() {
    String what = kind.command;
    if (kind != Kind.ADVANCE_BATCH && kind != Kind.STOP_BATCH) {
      what += " running#" + runningMember;
    }
    if (kind == Kind.COMPLETE_MEMBER) {
      what += " " + finalStatus;
    }
    return what + (gapMillis < 0 ? " " : " +") + gapMillis + "ms";
  }
}
