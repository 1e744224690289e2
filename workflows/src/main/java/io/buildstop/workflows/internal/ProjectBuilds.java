package io.buildstop.workflows.internal;

import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.StopReportLine;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every build of a project as the reader has it now: ListBuildsForProject page by page, then BatchGetBuilds in
 * chunks of {@link BuildReader#MAX_BATCH_GET_IDS}, each call retried while throttled or unavailable; and every
 * batch of a project the same way, through ListBuildBatchesForProject and BatchGetBuildBatches.
 */
public final class ProjectBuilds {
  private ProjectBuilds() {}

  /**
   * The project's builds (or batches), newest first as listed; one listed and then not found is left out.
   *
   * @return the builds or batches, or the first failure that outlasted the retries
   */
  public static <T> Either<StopFailure, List<T>> read(StopPorts<T> ports, String project, Retrying retrying) {
    return listIds(ports, project, retrying).flatMap(ids -> readAll(ports, ids, retrying));
  }

  private static Either<StopFailure, List<BuildId>> listIds(StopPorts<?> ports, String project,
      Retrying retrying) {
    Set<BuildId> ids = new LinkedHashSet<>();
    Set<String> tokensSeen = new HashSet<>();
    Optional<String> token = Optional.empty();
    do {
      Optional<String> current = token;
      Either<StopFailure, BuildIdPage> page = retrying.call(() -> ports.listForProject(project, current));
      if (page.isLeft()) {
        return Either.left(page.getLeft());
      }
      ids.addAll(page.get().ids());
      token = page.get().nextToken();
      // a backend that hands out the same token twice would page forever
      if (token.isPresent() && !tokensSeen.add(token.get())) {
        return Either.left(StopFailure.unavailable(ports.kind() == StopReportLine.Kind.BUILD
            ? "ListBuildsForProject returned the same nextToken twice for project " + project
            : "ListBuildBatchesForProject returned the same nextToken twice for project " + project));
      }
    } while (token.isPresent());
    return Either.right(List.copyOf(ids));
  }

  private static <T> Either<StopFailure, List<T>> readAll(StopPorts<T> ports, List<BuildId> ids,
      Retrying retrying) {
    List<T> found = new ArrayList<>();
    int chunkSize = ports.maxReadIds();
    for (int from = 0; from < ids.size(); from += chunkSize) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + chunkSize)).stream()
          .map(BuildId::value)
          .toList();
      Either<StopFailure, List<T>> result = retrying.call(() -> ports.read(chunk));
      if (result.isLeft()) {
        return Either.left(result.getLeft());
      }
      found.addAll(result.get());
    }
    return Either.right(found);
  }
}
