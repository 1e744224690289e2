package io.buildstop.domain.lifecycle;

import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;

/** Checks a batch and its members against every {@link BatchInvariant} at once, as {@link BuildInvariants} a build. */
public final class BatchInvariants {
  private BatchInvariants() {}

  /**
   * The batch run if it satisfies every invariant, else the first one it breaks (in declaration order).
   *
   * @param run any batch and its members; not null
   * @return {@code Right(run)} or {@code Left(broken invariant)}; never throws
   */
  public static Either<BatchInvariant, BatchRun> check(BatchRun run) {
    return Arrays.stream(BatchInvariant.values())
        .filter(invariant -> !invariant.holdsFor(run))
        .findFirst()
        .<Either<BatchInvariant, BatchRun>>map(Either::left)
        .orElseGet(() -> Either.right(run));
  }

  /** Every invariant the batch run breaks, in declaration order; empty for a real batch. */
  public static List<BatchInvariant> violations(BatchRun run) {
    return Arrays.stream(BatchInvariant.values()).filter(invariant -> !invariant.holdsFor(run)).toList();
  }
}
