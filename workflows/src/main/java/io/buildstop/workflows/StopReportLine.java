package io.buildstop.workflows;

import io.buildstop.domain.BuildId;
import java.util.Objects;

/**
 * One line of a {@link StopReport}: a build or a build batch, and what the workflow did to it.
 *
 * @param id the build's id, or the batch's (batch ids have a build id's form)
 * @param outcome what happened to it; its payload is a {@code Build} for a build, a {@code BuildBatch} for a batch
 * @param kind whether {@code id} names a build or a build batch
 */
public record StopReportLine(BuildId id, Outcome<?> outcome, Kind kind) {

  /** What a line is about, in CodeBuild's words (the webhook's {@code buildType}: BUILD or BUILD_BATCH). */
  public enum Kind {
    /** A build: stopped with StopBuild. */
    BUILD,
    /** A batch build: stopped with StopBuildBatch, which stops its running member builds with it. */
    BUILD_BATCH
  }

  /** Rejects nulls. */
  public StopReportLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(kind, "kind");
  }

  /** A line about a build. */
  public StopReportLine(BuildId id, Outcome<?> outcome) {
    this(id, outcome, Kind.BUILD);
  }

  /**
   * The line as the CLI prints it: {@code <id> <OUTCOME>}, with the failure's code and message for a failure; a
   * batch's line starts with {@code build batch}.
   */
  @Override
  public String toString() {
    String subject = kind == Kind.BUILD_BATCH ? "build batch " + id : id.toString();
    if (outcome instanceof Outcome.Failed<?> failed) {
      return subject + " " + outcome.code() + " " + failed.failure().code() + ": " + failed.failure().message();
    }
    return subject + " " + outcome.code();
  }
}
