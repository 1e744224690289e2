package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryBuildStopper;
import io.buildstop.wire.BatchGetBuildsResponse;
import io.buildstop.wire.BatchGetBuildsResponseJson;
import io.buildstop.wire.StopBuildResponseJson;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * StartBuild, BatchGetBuilds and StopBuild over the in-memory backend.
 *
 * <p>StartBuild takes two steps on the backend (start, then store the members that name the new id); it holds the
 * write side of {@code publication} across both, and everything else that changes a build (StopBuild here, the
 * lifecycle's advances) holds the read side, so no change can land between the two steps and be overwritten.
 */
public final class BuildOperations {
  private final InMemoryBuildStopper backend;
  private final ProjectStore projects;
  private final Arns arns;
  private final ReadWriteLock publication;

  /** Operations on this backend and these projects. */
  public BuildOperations(InMemoryBuildStopper backend, ProjectStore projects, Arns arns, ReadWriteLock publication) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.arns = Objects.requireNonNull(arns, "arns");
    this.publication = Objects.requireNonNull(publication, "publication");
  }

  /** StartBuild: {@code {"build": ...}} as the start-build capture, or ResourceNotFoundException. */
  public Reply startBuild(Operation.Call call) {
    Members input = Members.of(call.input());
    String name = Arns.projectName(input.requiredNonEmpty("projectName"));
    StartBuildInput.check(input);
    ObjectNode project = projects.find(name)
        .orElseThrow(() -> ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name)));
    NewBuild newBuild = new NewBuild(StartBuildInput.effectiveProject(project, input), arns);
    Build configuration = newBuild.configuration(call.initiator());
    Build build;
    publication.writeLock().lock();
    try {
      Build started = backend.startBuild(configuration).getOrElseThrow(BuildOperations::refusal);
      build = newBuild.finish(started);
      backend.put(build).getOrElseThrow(BuildOperations::refusal);
    } finally {
      publication.writeLock().unlock();
    }
    return out -> StopBuildResponseJson.write(build, out);
  }

  /** BatchGetBuilds: the builds found and the ids (or ARNs) not found, in request order. */
  public Reply batchGetBuilds(Operation.Call call) {
    List<String> ids = Members.of(call.input()).requiredStrings("ids", 1, 100);
    List<BuildId> parsed = new ArrayList<>();
    for (String id : ids) {
      parsed.add(BuildId.parse(id).getOrElseThrow(BuildOperations::refusal));
    }
    List<Build> builds = new ArrayList<>();
    List<String> notFound = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String requested = ids.get(i);
      backend.build(parsed.get(i)).ifPresentOrElse(builds::add, () -> notFound.add(requested));
    }
    BatchGetBuildsResponse response = BatchGetBuildsResponse.of(builds, notFound);
    return out -> BatchGetBuildsResponseJson.write(response, out);
  }

  /** StopBuild: the port's answer, {@code {"build": ...}}, or its {@link StopFailure} as CodeBuild's error. */
  public Reply stopBuild(Operation.Call call) {
    String id = Members.of(call.input()).requiredNonEmpty("id");
    Either<StopFailure, Build> result;
    publication.readLock().lock();
    try {
      result = backend.stopBuild(id);
    } finally {
      publication.readLock().unlock();
    }
    Build build = result.getOrElseThrow(BuildOperations::refusal);
    return out -> StopBuildResponseJson.write(build, out);
  }

  /** A failure of the port as CodeBuild's error: every case a 400 but an unavailable backend, a 500. */
  static ServiceError refusal(StopFailure failure) {
    return switch (failure.code()) {
      case INVALID_INPUT -> ServiceError.invalidInput(failure.message());
      case RESOURCE_NOT_FOUND -> ServiceError.resourceNotFound(failure.message());
      case THROTTLED -> ServiceError.of(400, "ThrottlingException", failure.message());
      case ACCESS_DENIED -> ServiceError.of(400,
          failure instanceof StopFailure.AccessDenied denied ? denied.errorCode() : "AccessDeniedException",
          failure.message());
      // the one 5xx the server sends: a backend failure (injected with failNextCalls), which clients retry
      case UNAVAILABLE -> ServiceError.of(500, "InternalFailure", failure.message());
    };
  }
}
