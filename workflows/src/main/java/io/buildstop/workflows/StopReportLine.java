package io.buildstop.workflows;

import io.buildstop.domain.BuildId;
import java.util.Objects;

/**
 * One line of a {@link StopReport}: a build and what the workflow did to it.
 *
 * @param id the build
 * @param outcome what happened to it
 */
public record StopReportLine(BuildId id, Outcome outcome) {
  /** Rejects nulls. */
  public StopReportLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The line as the CLI prints it: {@code <id> <OUTCOME>}, with the failure's code and message for a failure. */
  @Override
  public String toString() {
    if (outcome instanceof Outcome.Failed failed) {
      return id + " " + outcome.code() + " " + failed.failure().code() + ": " + failed.failure().message();
    }
    return id + " " + outcome.code();
  }
}
