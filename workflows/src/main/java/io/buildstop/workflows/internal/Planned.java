package io.buildstop.workflows.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.workflows.Outcome;
import io.buildstop.workflows.StopReportLine;
import java.util.Objects;
import java.util.Optional;

/**
 * A build or a batch as a workflow read it, with the ports that stop it: what a plan is made of, so that one plan
 * (and one report) holds builds and batches alike.
 *
 * @param ports the ports of its kind
 * @param current it, as read
 * @param <T> {@code Build} or {@code BuildBatch}
 */
public record Planned<T>(StopPorts<T> ports, T current) {
  /** Rejects nulls. */
  public Planned {
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(current, "current");
  }

  /** Its id, if it has one that parses. */
  public Optional<BuildId> id() {
    return ports.idOf(current);
  }

  /** What the superseded rule reads of it; empty without a valid id. */
  public Optional<Supersedable> supersedable() {
    return ports.supersedable(current);
  }

  /** Its stop, retried as {@code retrying} says, as a report's outcome. */
  public Outcome<T> stop(Retrying retrying) {
    BuildId id = validId();
    return Outcomes.ofStop(ports, retrying.call(() -> ports.stop(id)));
  }

  /** The dry run's outcome: it would be stopped. */
  public Outcome<T> wouldStop() {
    return new Outcome.WouldStop<>(current);
  }

  /** The report line saying {@code outcome} of it. */
  public StopReportLine line(Outcome<?> outcome) {
    return new StopReportLine(validId(), outcome, ports.kind());
  }

  private BuildId validId() {
    return id().orElseThrow(() -> new IllegalArgumentException("a planned build or batch has no valid id"));
  }
}
