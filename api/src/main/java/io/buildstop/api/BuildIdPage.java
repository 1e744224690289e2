package io.buildstop.api;

import io.buildstop.domain.BuildId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@code ListBuildsForProject}: build ids, newest first, and the token for the next page.
 *
 * @param ids the build ids of this page
 * @param nextToken the token that fetches the next page; empty on the last page
 */
public record BuildIdPage(List<BuildId> ids, Optional<String> nextToken) {
  /** Copies the list; rejects nulls. */
  public BuildIdPage {
    ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
    Objects.requireNonNull(nextToken, "nextToken");
  }
}
