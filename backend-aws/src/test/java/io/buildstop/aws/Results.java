package io.buildstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;

/** Reads a port's result in tests, failing with the whole result when it is the other side. */
final class Results {
  private Results() {}

  /** The value of a {@code Right}: a build, a batch, a page. */
  static <T> T right(Either<StopFailure, T> result) {
    assertThat(result.isRight()).as("expected a value, got %s", result).isTrue();
    return result.get();
  }

  /** The failure of a {@code Left}, which must be of this case. */
  static <F extends StopFailure> F left(Either<StopFailure, ?> result, Class<F> type) {
    assertThat(result.isLeft()).as("expected a failure, got %s", result).isTrue();
    assertThat(result.getLeft()).as("the failure").isInstanceOf(type);
    return type.cast(result.getLeft());
  }
}
