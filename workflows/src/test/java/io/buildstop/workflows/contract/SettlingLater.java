package io.buildstop.workflows.contract;

import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that finalises stops asynchronously (spec §4.9), over any backend: a stop is made at once, but its
 * answer and the next {@code readsBeforeSettling} reads of the build still show it running, as it was before.
 */
public final class SettlingLater implements BuildStopper, BuildReader {
  private record Pending(Build running, AtomicInteger readsLeft) {}

  private final BuildStopper stopper;
  private final BuildReader reader;
  private final int readsBeforeSettling;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();

  /** Stops through {@code stopper}, reads through {@code reader}; {@code readsBeforeSettling} stale reads per stop. */
  public SettlingLater(BuildStopper stopper, BuildReader reader, int readsBeforeSettling) {
    this.stopper = stopper;
    this.reader = reader;
    this.readsBeforeSettling = readsBeforeSettling;
  }

  @Override
  public Either<StopFailure, Build> stopBuild(BuildId id) {
    Optional<Build> before = reader.batchGetBuilds(List.of(id.value())).toJavaOptional()
        .flatMap(result -> result.builds().stream().findFirst());
    Either<StopFailure, Build> result = stopper.stopBuild(id);
    if (result.isRight() && before.isPresent() && StopRules.isStoppable(before.get())) {
      pending.put(id.value(), new Pending(before.get(), new AtomicInteger(readsBeforeSettling)));
      return Either.right(before.get());
    }
    return result;
  }

  @Override
  public Either<StopFailure, BatchGetBuildsResult> batchGetBuilds(List<String> ids) {
    reads.incrementAndGet();
    return reader.batchGetBuilds(ids).map(result -> new BatchGetBuildsResult(
        result.builds().stream().map(this::staleWhileSettling).toList(), result.buildsNotFound()));
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildsForProject(String projectName, Optional<String> nextToken) {
    return reader.listBuildsForProject(projectName, nextToken);
  }

  /** How many BatchGetBuilds calls were made through this decorator. */
  public int reads() {
    return reads.get();
  }

  private Build staleWhileSettling(Build build) {
    Pending settling = pending.get(build.id().orElse(""));
    if (settling != null && settling.readsLeft().getAndDecrement() > 0) {
      return settling.running();
    }
    return build;
  }
}
