package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** CreateProject and BatchGetProjects over the {@link ProjectStore}. */
public final class ProjectOperations {
  private final ProjectStore projects;
  private final Arns arns;
  private final Clock clock;

  /** Operations on this store, naming ARNs in {@code arns}, stamping projects with {@code clock}. */
  public ProjectOperations(ProjectStore projects, Arns arns, Clock clock) {
    this.projects = Objects.requireNonNull(projects, "projects");
    this.arns = Objects.requireNonNull(arns, "arns");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** CreateProject: {@code {"project": {...}}}, or ResourceAlreadyExistsException for a name in use. */
  public ObjectNode createProject(Operation.Call call) {
    ObjectNode project = NewProject.create(Members.of(call.input()), arns, clock.instant());
    String name = project.get("name").textValue();
    if (!projects.create(name, project)) {
      throw ServiceError.resourceAlreadyExists("Project already exists: " + arns.project(name));
    }
    ObjectNode output = Json.object();
    output.set("project", project);
    return output;
  }

  /** BatchGetProjects: the projects found and the names (or ARNs) not found, in request order. */
  public ObjectNode batchGetProjects(Operation.Call call) {
    List<String> names = Members.of(call.input()).requiredStrings("names", 1, 100);
    ObjectNode output = Json.object();
    ArrayNode found = output.putArray("projects");
    ArrayNode notFound = output.putArray("projectsNotFound");
    for (String name : names) {
      projects.find(Arns.projectName(name)).ifPresentOrElse(found::add, () -> notFound.add(name));
    }
    return output;
  }
}
