package io.buildstop.cli.internal;

import io.buildstop.domain.StopFailure;
import io.buildstop.memory.InMemoryCodeBuild;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an in-memory CodeBuild holds for the demos: the {@link DemoBuilds} and the {@link DemoBuildBatches}. The one
 * place they are seeded, so that the in-memory default and {@code buildstop serve --demo-builds} start with the same.
 */
public final class DemoCodeBuild {
  private DemoCodeBuild() {}

  /**
   * Puts the demo builds, then the demo batches (their started members become builds), as seeded at {@code now},
   * into {@code backend}, replacing builds and batches with the same ids.
   *
   * @return the backend, or the first refusal: a backend whose bounds ({@link
   *     InMemoryCodeBuild.Builder#maxBuilds(int)}, {@link InMemoryCodeBuild.Builder#maxBuildBatches(int)}) cannot
   *     hold them; what came before it is held
   */
  public static Either<StopFailure, InMemoryCodeBuild> seed(InMemoryCodeBuild backend, Instant now) {
    Optional<StopFailure> refused = firstRefusal(DemoBuilds.all(now), backend::put)
        .or(() -> firstRefusal(DemoBuildBatches.all(now), backend::putBuildBatch));
    return refused.isPresent() ? Either.left(refused.get()) : Either.right(backend);
  }

  // puts each value in order, up to the first the backend refuses
  private static <T> Optional<StopFailure> firstRefusal(List<T> values, Function<T, Either<StopFailure, ?>> put) {
    for (T value : values) {
      Either<StopFailure, ?> result = put.apply(value);
      if (result.isLeft()) {
        return Optional.of(result.getLeft());
      }
    }
    return Optional.empty();
  }
}
