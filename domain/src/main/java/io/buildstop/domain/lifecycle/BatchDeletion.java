package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What DeleteBuildBatch does (docs/batch-rules.md §5b): the batch is deleted, with every build it ran, in every
 * attempt, that has finished; a member still running is not deleted ({@link BatchPolicy#isDeletedWithItsBatch}).
 * Members that never started are no builds, and are named nowhere. The answer is the service model's {@code
 * DeleteBuildBatchOutput}, builds named by ARN as in the AWS CLI's {@code delete-build-batch} example.
 *
 * @param statusCode {@link #BATCH_DELETED}, the example's status code
 * @param buildsDeleted the ARNs of the builds deleted, in the groups' order, each group's prior attempts first
 * @param buildsNotDeleted the builds that were not deleted, and why
 */
public record BatchDeletion(String statusCode, List<String> buildsDeleted, List<BuildNotDeleted> buildsNotDeleted) {
  /** The status code of a batch that was deleted, as the AWS CLI's {@code delete-build-batch} example shows it. */
  public static final String BATCH_DELETED = "BATCH_DELETED";

  /**
   * A build DeleteBuildBatch did not delete: the service model's {@code BuildNotDeleted}.
   *
   * @param id the build's ARN
   * @param statusCode why: {@link BatchPolicy#BUILD_IN_PROGRESS} for a member still running
   */
  public record BuildNotDeleted(String id, String statusCode) {
    /** Rejects nulls. */
    public BuildNotDeleted {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(statusCode, "statusCode");
    }
  }

  /** Rejects nulls and copies the lists. */
  public BatchDeletion {
    Objects.requireNonNull(statusCode, "statusCode");
    buildsDeleted = List.copyOf(buildsDeleted);
    buildsNotDeleted = List.copyOf(buildsNotDeleted);
  }

  /** DeleteBuildBatch of {@code run}: which of its builds go with it, and which stay. */
  public static BatchDeletion of(BatchRun run) {
    List<String> deleted = new ArrayList<>();
    List<BuildNotDeleted> notDeleted = new ArrayList<>();
    for (BuildGroup group : run.batch().buildGroups()) {
      // a prior attempt has finished: a retry only ever follows a finished attempt
      group.priorBuildSummaryList().stream().map(BuildSummary::arn).flatMap(Optional::stream).forEach(deleted::add);
      Optional<Build> member = group.identifier().flatMap(run::member).filter(BatchRun::started);
      member.flatMap(Build::arn).ifPresent(arn -> {
        if (BatchPolicy.isDeletedWithItsBatch(member.get())) {
          deleted.add(arn);
        } else {
          notDeleted.add(new BuildNotDeleted(arn, BatchPolicy.BUILD_IN_PROGRESS));
        }
      });
    }
    return new BatchDeletion(BATCH_DELETED, deleted, notDeleted);
  }
}
