package io.buildstop.workflows.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.SupersededPolicy;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which builds and batches are superseded: the one place the rule is written, for builds and batches alike (a batch
 * is one run of its project and source version, as a build is; its member builds are not runs of their own).
 *
 * <p>The pair is the runs whose {@code projectName} is the project and whose {@code sourceVersion} is the source
 * version, batch members left out. With {@link SupersededPolicy.KeepNewest}, the newest run of the pair (by {@link
 * io.buildstop.domain.lifecycle.BuildOrder}: start time, then number, then id; complete ones count, so a newer
 * finished run supersedes older running ones) is kept and every other stoppable run of the pair is planned. With
 * {@link SupersededPolicy.OlderThan}, every stoppable run of the pair strictly older than the reference, a build or
 * a batch of the project, is planned. Nothing else ever is.
 */
public final class SupersededRule {
  private SupersededRule() {}

  /**
   * The runs to stop, newest first: a pure function.
   *
   * @param runs what was read; those {@code view} finds no valid id in are ignored, and each id counts once (its
   *     first occurrence)
   * @param view what the rule reads of a run
   * @return the runs to stop; {@link StopFailure.ResourceNotFound} if the reference is not among the project's runs
   */
  public static <E> Either<StopFailure, List<E>> plan(List<E> runs, Function<E, Optional<Supersedable>> view,
      String project, String sourceVersion, SupersededPolicy policy) {
    Map<BuildId, Read<E>> ofProject = new LinkedHashMap<>();
    for (E run : runs) {
      view.apply(run)
          .filter(read -> read.projectName().equals(Optional.of(project)))
          .ifPresent(read -> ofProject.putIfAbsent(read.id(), new Read<>(run, read)));
    }
    List<Read<E>> pair = ofProject.values().stream()
        .filter(read -> read.view().sourceVersion().equals(Optional.of(sourceVersion)))
        .filter(read -> !read.view().batchMember())
        .toList();
    Predicate<Supersedable> keptBack = keepNewest(pair);
    if (policy instanceof SupersededPolicy.OlderThan olderThan) {
      Read<E> reference = ofProject.get(olderThan.reference());
      if (reference == null) {
        return Either.left(StopFailure.resourceNotFound(olderThan.reference()));
      }
      keptBack = olderThan(reference.view());
    }
    Predicate<Supersedable> superseded = keptBack;
    List<Read<E>> planned = new ArrayList<>(pair.stream()
        .filter(read -> read.view().stoppable() && superseded.test(read.view()))
        .toList());
    planned.sort(Comparator.comparing((Read<E> read) -> read.view().position()).reversed());
    return Either.right(planned.stream().map(Read::run).toList());
  }

  // a newer run that already completed still supersedes the older running ones: all runs of the pair count
  private static <E> Predicate<Supersedable> keepNewest(List<Read<E>> pair) {
    return pair.stream().map(Read::view).max(Comparator.comparing(Supersedable::position))
        .map(SupersededRule::olderThan)
        .orElse(read -> false);
  }

  private static Predicate<Supersedable> olderThan(Supersedable reference) {
    return read -> read.position().compareTo(reference.position()) < 0;
  }

  private record Read<E>(E run, Supersedable view) {}
}
