package io.buildstop.server.internal;

import io.buildstop.memory.InMemoryCodeBuild;
import java.util.LinkedHashMap;
import java.util.Map;

/** The seven operations the server answers, by name, over one backend and the server's projects. */
public final class CodeBuildApi {
  private CodeBuildApi() {}

  /** The operations over {@code backend} and {@code projects}: ARNs by {@code arns}. */
  public static Map<String, Operation> operations(InMemoryCodeBuild backend, ProjectStore projects,
      ProjectOperations projectOperations, Arns arns) {
    BuildOperations buildOperations = new BuildOperations(backend, projects, arns);
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
