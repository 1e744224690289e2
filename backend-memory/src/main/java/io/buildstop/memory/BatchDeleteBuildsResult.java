package io.buildstop.memory;

import io.buildstop.domain.lifecycle.BatchDeletion.BuildNotDeleted;
import java.util.List;

/**
 * What BatchDeleteBuilds did: the service model's {@code BatchDeleteBuildsOutput}, builds named by ARN as in the AWS
 * CLI's {@code batch-delete-builds} example.
 *
 * @param buildsDeleted the ARNs of the builds deleted (and of ids no build had: deleting nothing is done), in the
 *     order asked
 * @param buildsNotDeleted the builds still running, each with {@code statusCode} {@link
 *     io.buildstop.domain.lifecycle.BuildDeletion#BUILD_IN_PROGRESS}
 */
public record BatchDeleteBuildsResult(List<String> buildsDeleted, List<BuildNotDeleted> buildsNotDeleted) {
  /** Rejects nulls and copies the lists. */
  public BatchDeleteBuildsResult {
    buildsDeleted = List.copyOf(buildsDeleted);
    buildsNotDeleted = List.copyOf(buildsNotDeleted);
  }
}
