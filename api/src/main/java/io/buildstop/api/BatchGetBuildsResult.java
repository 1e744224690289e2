package io.buildstop.api;

import io.buildstop.domain.model.Build;
import java.util.List;
import java.util.Objects;

/**
 * What {@code BatchGetBuilds} answers: the builds found, in the order asked, and the ids that name no build.
 *
 * @param builds the builds found
 * @param buildsNotFound the ids, as given, that name no build
 */
public record BatchGetBuildsResult(List<Build> builds, List<String> buildsNotFound) {
  /** Copies both lists; rejects nulls. */
  public BatchGetBuildsResult {
    builds = List.copyOf(Objects.requireNonNull(builds, "builds"));
    buildsNotFound = List.copyOf(Objects.requireNonNull(buildsNotFound, "buildsNotFound"));
  }
}
