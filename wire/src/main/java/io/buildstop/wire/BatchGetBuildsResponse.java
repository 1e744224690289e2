package io.buildstop.wire;

import io.buildstop.domain.model.Build;
import java.util.List;

/**
 * The body of a BatchGetBuilds response: the builds CodeBuild found and the ids it did not. Like the model's lists,
 * each list says whether CodeBuild sent it at all, since {@code []} and an absent member are different answers.
 * Immutable; no component is null.
 *
 * @param builds the builds found, in CodeBuild's order; empty when none were found or the member was absent
 * @param hasBuilds whether the response had a {@code builds} member, even as {@code []}; true whenever
 *     {@code builds} is not empty
 * @param buildsNotFound the requested ids CodeBuild did not find; empty when all were found or the member was absent
 * @param hasBuildsNotFound whether the response had a {@code buildsNotFound} member, even as {@code []}; true
 *     whenever {@code buildsNotFound} is not empty
 */
public record BatchGetBuildsResponse(
    List<Build> builds, boolean hasBuilds, List<String> buildsNotFound, boolean hasBuildsNotFound) {

  /**
   * Copies the lists and sets a flag whose list holds items, as the model's {@code has*} flags do.
   *
   * @param builds the builds found
   * @param hasBuilds whether the response had a {@code builds} member
   * @param buildsNotFound the requested ids not found
   * @param hasBuildsNotFound whether the response had a {@code buildsNotFound} member
   * @throws NullPointerException if a list is null or holds null
   */
  public BatchGetBuildsResponse {
    builds = List.copyOf(builds);
    buildsNotFound = List.copyOf(buildsNotFound);
    hasBuilds = hasBuilds || !builds.isEmpty();
    hasBuildsNotFound = hasBuildsNotFound || !buildsNotFound.isEmpty();
  }

  /**
   * A response with both members sent, as CodeBuild answers.
   *
   * @param builds the builds found
   * @param buildsNotFound the requested ids not found
   * @return the response, never null
   * @throws NullPointerException if a list is null or holds null
   */
  public static BatchGetBuildsResponse of(List<Build> builds, List<String> buildsNotFound) {
    return new BatchGetBuildsResponse(builds, true, buildsNotFound, true);
  }
}
