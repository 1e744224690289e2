package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The phase arithmetic of a batch, as {@link Phases} is a build's: the same floored durations, the same open and
 * closed phases; a batch's phases carry no contexts (the StopBuildBatch capture has none).
 */
final class BatchPhases {
  private BatchPhases() {}

  static Optional<BuildBatchPhase> last(BuildBatch batch) {
    List<BuildBatchPhase> phases = batch.phases();
    return phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(phases.size() - 1));
  }

  /** The type of the running phase: the last one, if it is open. */
  static Optional<BuildBatchPhaseType> runningPhaseType(BuildBatch batch) {
    return last(batch).filter(BatchPhases::isOpen).flatMap(BuildBatchPhase::phaseType);
  }

  static BuildBatchPhase open(BuildBatchPhaseType type, Instant at) {
    return BuildBatchPhase.builder().phaseType(type).startTime(at).build();
  }

  static boolean isOpen(BuildBatchPhase phase) {
    return phase.phaseStatusAsString().isEmpty() && phase.endTime().isEmpty();
  }

  static BuildBatchPhase close(BuildBatchPhase running, StatusType status, Instant at) {
    return close(running, status.wireValue(), at);
  }

  // a phase closes with a status CodeBuild writes, a StatusType's or RETRY (BatchRetryRules)
  static BuildBatchPhase close(BuildBatchPhase running, String status, Instant at) {
    Instant start = running.startTime().orElse(at);
    return running.withPhaseStatusAsString(Optional.of(status)).withEndTime(at)
        .withDurationInSeconds(Phases.wholeSecondsBetween(start, at));
  }

  /** The running phase closed with {@code status} at {@code at}, then {@code following}. */
  static List<BuildBatchPhase> closeLast(BuildBatch batch, StatusType status, Instant at,
      List<BuildBatchPhase> following) {
    return closeLast(batch, status.wireValue(), at, following);
  }

  /** The running phase closed with the phase status {@code status} at {@code at}, then {@code following}. */
  static List<BuildBatchPhase> closeLast(BuildBatch batch, String status, Instant at,
      List<BuildBatchPhase> following) {
    List<BuildBatchPhase> phases = new ArrayList<>(batch.phases());
    Optional<BuildBatchPhase> running = last(batch).filter(BatchPhases::isOpen);
    if (running.isPresent()) {
      phases.set(phases.size() - 1, close(running.get(), status, at));
    }
    phases.addAll(following);
    return phases;
  }

  /** The latest instant the batch already records, so no transition ends before something it follows began. */
  static Instant notBeforeBatch(BuildBatch batch, Instant at) {
    return latest(at, batch.startTime().orElse(at), last(batch).flatMap(BuildBatchPhase::startTime).orElse(at));
  }

  /** {@link #notBeforeBatch} and {@link Phases#notBeforeBuild} for each running member: one instant for them all. */
  static Instant notBeforeRun(BatchRun run, Instant at) {
    Instant latest = notBeforeBatch(run.batch(), at);
    for (Build member : run.members().values()) {
      latest = Phases.notBeforeBuild(member, latest);
      latest = latest(latest, member.endTime().orElse(latest));
    }
    return latest;
  }

  static Instant latest(Instant first, Instant... more) {
    Instant latest = first;
    for (Instant candidate : more) {
      latest = candidate.isAfter(latest) ? candidate : latest;
    }
    return latest;
  }
}
