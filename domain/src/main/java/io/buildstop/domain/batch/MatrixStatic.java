package io.buildstop.domain.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code batch/build-matrix/static}: the settings every build of a matrix shares.
 *
 * @param buildspec {@code buildspec}, unless {@code dynamic} lists buildspecs
 * @param environment {@code env}: overrides every build gets, before its dynamic values
 * @param debugSession {@code debug-session}
 * @param ignoreFailure {@code ignore-failure}
 */
public record MatrixStatic(
    Optional<String> buildspec, TaskEnvironment environment, boolean debugSession, boolean ignoreFailure) {

  /** Nothing shared: the batch's buildspec, no override. */
  public static final MatrixStatic NONE = new MatrixStatic(Optional.empty(), TaskEnvironment.NONE, false, false);

  /** Rejects nulls. */
  public MatrixStatic {
    Objects.requireNonNull(buildspec, "buildspec");
    Objects.requireNonNull(environment, "environment");
  }
}
