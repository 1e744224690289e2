package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;

/**
 * Which builds a delete removes, for BatchDeleteBuilds and DeleteBuildBatch alike (the user guide, "Delete builds":
 * a build still running is not deleted, and is answered with {@code statusCode} {@link #BUILD_IN_PROGRESS}). The one
 * place this rule is written; {@link BatchPolicy#isDeletedWithItsBatch} asks it.
 */
public final class BuildDeletion {
  /** The {@code statusCode} of a build that was not deleted because it still runs, as the AWS CLI's example shows. */
  public static final String BUILD_IN_PROGRESS = "BUILD_IN_PROGRESS";

  /**
   * The {@code statusCode} of a build BatchDeleteBuilds leaves to its batch: a batch's builds are deleted with their
   * batch, by DeleteBuildBatch (buildstop's policy, docs/batch-rules.md §6; AWS documents no code for it).
   */
  public static final String BUILD_IN_BATCH = "BUILD_IN_BATCH";

  private BuildDeletion() {}

  /** Whether a delete removes this build: it does unless the build still runs. */
  public static boolean isDeletable(Build build) {
    return !StopRules.isStoppable(build);
  }
}
