package io.buildstop.workflows.internal;

import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every build of a project as the reader has it now: ListBuildsForProject page by page, then BatchGetBuilds in
 * chunks of {@link BuildReader#MAX_BATCH_GET_IDS}, each call retried while throttled or unavailable.
 */
public final class ProjectBuilds {
  private ProjectBuilds() {}

  /**
   * The project's builds, newest first as listed; a build listed and then not found is left out.
   *
   * @return the builds, or the first failure that outlasted the retries
   */
  public static Either<StopFailure, List<Build>> read(BuildReader reader, String project, Retrying retrying) {
    return listIds(reader, project, retrying).flatMap(ids -> readAll(reader, ids, retrying));
  }

  private static Either<StopFailure, List<BuildId>> listIds(BuildReader reader, String project, Retrying retrying) {
    Set<BuildId> ids = new LinkedHashSet<>();
    Set<String> tokensSeen = new HashSet<>();
    Optional<String> token = Optional.empty();
    do {
      Optional<String> current = token;
      Either<StopFailure, BuildIdPage> page = retrying.call(() -> reader.listBuildsForProject(project, current));
      if (page.isLeft()) {
        return Either.left(page.getLeft());
      }
      ids.addAll(page.get().ids());
      token = page.get().nextToken();
      // a backend that hands out the same token twice would page forever
      if (token.isPresent() && !tokensSeen.add(token.get())) {
        return Either.left(StopFailure.unavailable(
            "ListBuildsForProject returned the same nextToken twice for project " + project));
      }
    } while (token.isPresent());
    return Either.right(List.copyOf(ids));
  }

  private static Either<StopFailure, List<Build>> readAll(BuildReader reader, List<BuildId> ids, Retrying retrying) {
    List<Build> builds = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BuildReader.MAX_BATCH_GET_IDS) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BuildReader.MAX_BATCH_GET_IDS)).stream()
          .map(BuildId::value)
          .toList();
      var result = retrying.call(() -> reader.batchGetBuilds(chunk));
      if (result.isLeft()) {
        return Either.left(result.getLeft());
      }
      builds.addAll(result.get().builds());
    }
    return Either.right(builds);
  }
}
