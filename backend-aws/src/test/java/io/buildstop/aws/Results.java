package io.buildstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;

/** Reads a {@code stopBuild} result in tests, failing with the whole result when it is the other side. */
final class Results {
  private Results() {}

  /** The build of a {@code Right}. */
  static Build right(Either<StopFailure, Build> result) {
    assertThat(result.isRight()).as("expected a build, got %s", result).isTrue();
    return result.get();
  }

  /** The failure of a {@code Left}, which must be of this case. */
  static <F extends StopFailure> F left(Either<StopFailure, Build> result, Class<F> type) {
    assertThat(result.isLeft()).as("expected a failure, got %s", result).isTrue();
    assertThat(result.getLeft()).as("the failure").isInstanceOf(type);
    return type.cast(result.getLeft());
  }
}
