package io.buildstop.server.internal;

import io.buildstop.memory.InMemoryBuildStopper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;

/** The seven operations the server answers, by name, over one backend and a project store of their own. */
public final class CodeBuildApi {
  private CodeBuildApi() {}

  /**
   * The operations over {@code backend}: ARNs by {@code arns}, project timestamps by {@code clock}, and StartBuild
   * holding the write side of {@code publication} (see {@link BuildOperations}).
   */
  public static Map<String, Operation> operations(InMemoryBuildStopper backend, Arns arns, Clock clock,
      ReadWriteLock publication) {
    ProjectStore projects = new ProjectStore();
    ProjectOperations projectOperations = new ProjectOperations(projects, arns, clock);
    BuildOperations buildOperations = new BuildOperations(backend, projects, arns, publication);
    BuildListing listing = new BuildListing(backend, projects, arns);
    Map<String, Operation> operations = new LinkedHashMap<>();
    operations.put("CreateProject", Operation.answeringTrees(projectOperations::createProject));
    operations.put("BatchGetProjects", Operation.answeringTrees(projectOperations::batchGetProjects));
    operations.put("StartBuild", buildOperations::startBuild);
    operations.put("BatchGetBuilds", buildOperations::batchGetBuilds);
    operations.put("ListBuilds", Operation.answeringTrees(listing::listBuilds));
    operations.put("ListBuildsForProject", Operation.answeringTrees(listing::listBuildsForProject));
    operations.put("StopBuild", buildOperations::stopBuild);
    return operations;
  }
}
