package io.buildstop.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of ListProjects: the service model's {@code ListProjectsOutput}.
 *
 * @param projects the project names, at most 100, in the order asked for
 * @param nextToken present when another page follows: pass it to the next call
 */
public record ProjectNamePage(List<String> projects, Optional<String> nextToken) {
  /** Rejects nulls and copies the list. */
  public ProjectNamePage {
    projects = List.copyOf(projects);
    Objects.requireNonNull(nextToken, "nextToken");
  }
}
