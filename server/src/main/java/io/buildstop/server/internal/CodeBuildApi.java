package io.buildstop.server.internal;

import io.buildstop.memory.InMemoryCodeBuild;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operations the server answers, by name, over one in-memory CodeBuild. */
public final class CodeBuildApi {
  private CodeBuildApi() {}

  /** The operations over {@code backend}: ARNs by {@code arns}, projects stamped by {@code clock}. */
  public static Map<String, Operation> operations(InMemoryCodeBuild backend, Arns arns, Clock clock) {
    ProjectOperations projectOperations = new ProjectOperations(backend, arns, clock);
    BuildOperations buildOperations = new BuildOperations(backend, arns);
    BuildListing listing = new BuildListing(backend, arns);
    BatchOperations batchOperations = new BatchOperations(backend, arns);
    Map<String, Operation> operations = new LinkedHashMap<>();
    operations.put("CreateProject", projectOperations::createProject);
    operations.put("BatchGetProjects", projectOperations::batchGetProjects);
    operations.put("StartBuild", buildOperations::startBuild);
    operations.put("BatchGetBuilds", buildOperations::batchGetBuilds);
    operations.put("ListBuilds", Operation.answeringTrees(listing::listBuilds));
    operations.put("ListBuildsForProject", Operation.answeringTrees(listing::listBuildsForProject));
    operations.put("StopBuild", buildOperations::stopBuild);
    operations.put("StartBuildBatch", batchOperations::startBuildBatch);
    operations.put("StopBuildBatch", batchOperations::stopBuildBatch);
    operations.put("RetryBuildBatch", batchOperations::retryBuildBatch);
    operations.put("DeleteBuildBatch", batchOperations::deleteBuildBatch);
    operations.put("BatchGetBuildBatches", batchOperations::batchGetBuildBatches);
    operations.put("ListBuildBatches", Operation.answeringTrees(listing::listBuildBatches));
    operations.put("ListBuildBatchesForProject", Operation.answeringTrees(listing::listBuildBatchesForProject));
    operations.put("RetryBuild", buildOperations::retryBuild);
    operations.put("BatchDeleteBuilds", buildOperations::batchDeleteBuilds);
    operations.put("UpdateProject", projectOperations::updateProject);
    operations.put("DeleteProject", projectOperations::deleteProject);
    operations.put("ListProjects", Operation.answeringTrees(projectOperations::listProjects));
    return operations;
  }
}
