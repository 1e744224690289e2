package io.buildstop.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Why the {@code batch} section of a buildspec was refused: the rule it broke, where, and the offending input.
 *
 * <p>CodeBuild answers such a buildspec with {@code InvalidInputException}; {@link #toStopFailure()} gives that
 * answer as the project's failure value. Every member is non-null.
 *
 * @param reason the rule that was broken
 * @param path where, as {@code batch/build-graph[2]/depend-on[0]} (indices from 0); empty for the whole text
 * @param input the offending value as written, when there is one; quoted escaped and truncated in {@link #message()}
 */
public record BatchSpecFailure(InvalidBatchSpecReason reason, String path, Optional<String> input) {

  /** Rejects nulls: a failure always says what went wrong. */
  public BatchSpecFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(input, "input");
  }

  /** A failure at {@code path} without an offending value to show. */
  public static BatchSpecFailure at(InvalidBatchSpecReason reason, String path) {
    return new BatchSpecFailure(reason, path, Optional.empty());
  }

  /** A failure at {@code path} caused by {@code input}. */
  public static BatchSpecFailure at(InvalidBatchSpecReason reason, String path, String input) {
    return new BatchSpecFailure(reason, path, Optional.of(input));
  }

  /**
   * CodeBuild's status code, then the path, the rule and the input, for people: {@code BATCH_SPEC_VALIDATION_ERROR:
   * batch/build-graph[1]/depend-on[0]: depend-on names no task of the build graph (got "build9")}. Printable ASCII
   * only; never null.
   */
  public String message() {
    StringBuilder message = new StringBuilder(reason.kind().statusCode()).append(": ");
    if (!path.isEmpty()) {
      message.append(Quoting.escape(path)).append(": ");
    }
    message.append(reason.description());
    input.ifPresent(value -> message.append(" (got ").append(Quoting.quote(value)).append(')'));
    return message.toString();
  }

  /** CodeBuild's answer to this buildspec: {@link StopFailure.InvalidInput} with {@link #message()}. */
  public StopFailure toStopFailure() {
    return new StopFailure.InvalidInput(message(), Optional.empty());
  }
}
