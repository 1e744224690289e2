package io.buildstop.workflows.internal;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.lifecycle.BuildOrder;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SupersededRule} reads of a build or a batch: the same members for both, so that one rule decides for
 * both.
 *
 * @param id its id
 * @param projectName its project
 * @param sourceVersion its {@code sourceVersion}, exactly as CodeBuild records it
 * @param position where it stands in {@link BuildOrder}
 * @param stoppable whether a stop would stop it now
 * @param batchMember whether it is a member build of a batch ({@code buildBatchArn} set): its batch's to stop
 */
public record Supersedable(BuildId id, Optional<String> projectName, Optional<String> sourceVersion,
    BuildOrder.Position position, boolean stoppable, boolean batchMember) {

  /** Rejects nulls. */
  public Supersedable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(sourceVersion, "sourceVersion");
    Objects.requireNonNull(position, "position");
  }

  /** A build as the rule reads it; empty without a valid id. */
  public static Optional<Supersedable> of(Build build) {
    return Builds.idOf(build).map(id -> new Supersedable(id, build.projectName(), build.sourceVersion(),
        BuildOrder.Position.of(build), StopRules.isStoppable(build), build.buildBatchArn().isPresent()));
  }

  /** A batch as the rule reads it; empty without a valid id. */
  public static Optional<Supersedable> of(BuildBatch batch) {
    return batch.id().flatMap(id -> BuildBatchIds.parse(id).toJavaOptional())
        .map(id -> new Supersedable(id, batch.projectName(), batch.sourceVersion(), BuildOrder.Position.of(batch),
            BatchStopRules.isStoppable(batch), false));
  }
}
