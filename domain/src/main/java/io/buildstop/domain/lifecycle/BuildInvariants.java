package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;

/** Checks a build against every {@link BuildInvariant} at once. */
public final class BuildInvariants {
  private BuildInvariants() {}

  /**
   * The build if it satisfies every invariant, else the first one it breaks (in declaration order).
   *
   * @param build any build; not null
   * @return {@code Right(build)} or {@code Left(broken invariant)}; never throws
   */
  public static Either<BuildInvariant, Build> check(Build build) {
    return Arrays.stream(BuildInvariant.values())
        .filter(invariant -> !invariant.holdsFor(build))
        .findFirst()
        .<Either<BuildInvariant, Build>>map(Either::left)
        .orElseGet(() -> Either.right(build));
  }

  /** Every invariant the build breaks, in declaration order; empty for a real build. */
  public static List<BuildInvariant> violations(Build build) {
    return Arrays.stream(BuildInvariant.values()).filter(invariant -> !invariant.holdsFor(build)).toList();
  }
}
