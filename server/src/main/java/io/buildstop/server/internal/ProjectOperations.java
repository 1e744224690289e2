package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Project;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.ProjectFailure;
import io.buildstop.memory.ProjectLimitExceeded;
import io.buildstop.memory.ProjectNamePage;
import io.buildstop.memory.ProjectSortByType;
import io.buildstop.memory.ResourceAlreadyExists;
import io.buildstop.memory.SortOrderType;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.WireCodec;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CreateProject, BatchGetProjects, UpdateProject, DeleteProject and ListProjects over the in-memory CodeBuild, which
 * holds the projects: this reads the request's members, makes the project CreateProject or UpdateProject means
 * ({@link NewProject}) and writes the answers.
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

  /**
   * UpdateProject: {@code {"project": ...}}, the project with the members sent replaced ({@link NewProject#update}),
   * in one atomic step of the project; builds keep the configuration they started with. InvalidInputException for a
   * member CreateProject would refuse (nothing changes), ResourceNotFoundException for an unknown project.
   */
  public Reply updateProject(Operation.Call call) {
    String name = Arns.projectName(NewProject.checkUpdate(call.input()));
    Project project = backend.updateProject(name,
            current -> NewProject.update(call.input(), current, arns, clock.instant()))
        .getOrElseThrow(BuildOperations::refusal);
    return out -> {
      out.writeStartObject();
      out.writeFieldName("project");
      WireCodec.PROJECT.write(project, out);
      out.writeEndObject();
    };
  }

  /**
   * DeleteProject: {@code {}}. The project's builds stay readable; its listing is then ResourceNotFoundException. An
   * unknown project is answered {@code {}} too: CodeBuild documents no not-found error for DeleteProject.
   */
  public Reply deleteProject(Operation.Call call) {
    String name = MemberReader.validate(call.input(), input -> input.requiredNonEmpty("name").orElse(""))
        .getOrElseThrow(ServiceError::invalid);
    backend.deleteProject(Arns.projectName(name));
    return out -> {
      out.writeStartObject();
      out.writeEndObject();
    };
  }

  /**
   * ListProjects: {@code {"projects": [names], "nextToken"?}}, by {@code sortBy} (NAME unless sent) in {@code
   * sortOrder} (ASCENDING unless sent), pages of 100 in the build listings' paging scheme; InvalidInputException
   * for an unknown sort or a token this listing did not hand out.
   */
  public ObjectNode listProjects(Operation.Call call) {
    ProjectNamePage page = MemberReader.validate(call.input(), input -> new ProjectListing(
            input.enumValue("sortBy", Enums.PROJECT_SORT_BY).map(ProjectSortByType::valueOf),
            input.enumValue("sortOrder", Enums.SORT_ORDERS).map(SortOrderType::valueOf),
            input.nonEmpty("nextToken")))
        .getOrElseThrow(ServiceError::invalid)
        .listed(backend)
        .getOrElseThrow(BuildOperations::refusal);
    ObjectNode output = Json.object();
    ArrayNode projects = output.putArray("projects");
    page.projects().forEach(projects::add);
    page.nextToken().ifPresent(token -> output.put("nextToken", token));
    return output;
  }

  /** What a ListProjects request asks for. */
  private record ProjectListing(Optional<ProjectSortByType> sortBy, Optional<SortOrderType> sortOrder,
      Optional<String> nextToken) {
    Either<StopFailure, ProjectNamePage> listed(InMemoryCodeBuild backend) {
      return backend.listProjects(sortBy.orElse(null), sortOrder.orElse(null), nextToken);
    }
  }

  private static ServiceError refusal(ProjectFailure failure) {
    if (failure instanceof ProjectLimitExceeded limit) {
      return ServiceError.of(400, "AccountLimitExceededException", limit.message());
    }
    return ServiceError.resourceAlreadyExists(((ResourceAlreadyExists) failure).message());
  }
}
