package io.buildstop.server.internal;

import io.buildstop.domain.model.Project;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.ProjectFailure;
import io.buildstop.memory.ProjectLimitExceeded;
import io.buildstop.memory.ResourceAlreadyExists;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.WireCodec;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * CreateProject and BatchGetProjects over the in-memory CodeBuild, which holds the projects: this reads the
 * request's members, makes the project CreateProject means ({@link NewProject}) and writes the answers.
 */
public final class ProjectOperations {
  private final InMemoryCodeBuild backend;
  private final Arns arns;
  private final Clock clock;

  /** Operations on this backend's projects, naming ARNs in {@code arns}, stamping projects with {@code clock}. */
  public ProjectOperations(InMemoryCodeBuild backend, Arns arns, Clock clock) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.arns = Objects.requireNonNull(arns, "arns");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * CreateProject: {@code {"project": {...}}}; ResourceAlreadyExistsException for a name in use,
   * AccountLimitExceededException when the CodeBuild holds as many projects as it may.
   */
  public Reply createProject(Operation.Call call) {
    Project project = backend.createProject(NewProject.create(call.input(), arns, clock.instant()))
        .getOrElseThrow(ProjectOperations::refusal);
    return out -> {
      out.writeStartObject();
      out.writeFieldName("project");
      WireCodec.PROJECT.write(project, out);
      out.writeEndObject();
    };
  }

  /** BatchGetProjects: the projects found and the names (or ARNs) not found, in request order. */
  public Reply batchGetProjects(Operation.Call call) {
    List<String> names = MemberReader.validate(call.input(), input -> input.requiredStrings("names", 1, 100))
        .getOrElseThrow(ServiceError::invalid);
    List<Project> found = names.stream()
        .flatMap(name -> backend.project(Arns.projectName(name)).stream()).toList();
    List<String> notFound = names.stream()
        .filter(name -> backend.project(Arns.projectName(name)).isEmpty()).toList();
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("projects");
      for (Project project : found) {
        WireCodec.PROJECT.write(project, out);
      }
      out.writeEndArray();
      out.writeArrayFieldStart("projectsNotFound");
      for (String name : notFound) {
        out.writeString(name);
      }
      out.writeEndArray();
      out.writeEndObject();
    };
  }

  private static ServiceError refusal(ProjectFailure failure) {
    if (failure instanceof ProjectLimitExceeded limit) {
      return ServiceError.of(400, "AccountLimitExceededException", limit.message());
    }
    return ServiceError.resourceAlreadyExists(((ResourceAlreadyExists) failure).message());
  }
}
