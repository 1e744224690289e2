package io.buildstop.workflows.internal;

import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.workflows.StopReportLine;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link StopPorts} for builds: {@link BuildStopper} and {@link BuildReader}. */
final class BuildPorts implements StopPorts<Build> {
  private final BuildStopper stopper;
  private final BuildReader reader;

  BuildPorts(BuildStopper stopper, BuildReader reader) {
    this.stopper = Objects.requireNonNull(stopper, "stopper");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  @Override
  public StopReportLine.Kind kind() {
    return StopReportLine.Kind.BUILD;
  }

  @Override
  public Either<StopFailure, BuildId> parse(String id) {
    return BuildId.parse(id);
  }

  @Override
  public Either<StopFailure, Build> stop(BuildId id) {
    return stopper.stopBuild(id);
  }

  @Override
  public Either<StopFailure, List<Build>> read(List<String> ids) {
    return reader.batchGetBuilds(ids).map(result -> result.builds());
  }

  @Override
  public int maxReadIds() {
    return BuildReader.MAX_BATCH_GET_IDS;
  }

  @Override
  public Either<StopFailure, BuildIdPage> listForProject(String project, Optional<String> nextToken) {
    return reader.listBuildsForProject(project, nextToken);
  }

  @Override
  public StopFailure notFound(BuildId id) {
    return StopFailure.resourceNotFound(id);
  }

  @Override
  public Optional<BuildId> idOf(Build build) {
    return Builds.idOf(build);
  }

  @Override
  public boolean isComplete(Build build) {
    return BuildLifecycle.isComplete(build);
  }

  @Override
  public boolean isStoppable(Build build) {
    return StopRules.isStoppable(build);
  }

  @Override
  public Optional<StatusType> status(Build build) {
    return build.buildStatus();
  }

  @Override
  public Optional<Supersedable> supersedable(Build build) {
    return Supersedable.of(build);
  }
}
