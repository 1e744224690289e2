package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.SortOrderType;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;

/**
 * ListBuilds and ListBuildsForProject over the wire: the in-memory CodeBuild lists (its one order and paging
 * scheme); this reads the request's members and writes {@code {"ids", "nextToken"?}}.
 */
public final class BuildListing {
  private final InMemoryCodeBuild backend;
  private final Arns arns;

  /** Listings of this backend's builds. */
  public BuildListing(InMemoryCodeBuild backend, Arns arns) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.arns = Objects.requireNonNull(arns, "arns");
  }

  /** ListBuilds: every build the backend holds. */
  public ObjectNode listBuilds(Operation.Call call) {
    Members input = Members.of(call.input());
    return answer(backend.listBuilds(sortOrder(input), input.string("nextToken")));
  }

  /**
   * ListBuildsForProject: the builds of one project. A project is known when it was created here, or when the
   * backend holds builds of it (seeded straight into the backend); any other is ResourceNotFoundException.
   */
  public ObjectNode listBuildsForProject(Operation.Call call) {
    Members input = Members.of(call.input());
    String name = Arns.projectName(input.requiredNonEmpty("projectName"));
    Optional<String> nextToken = input.string("nextToken");
    if (BuildId.parseProjectName(name).isLeft()) {
      // CodeBuild checks no pattern here: a name no project can have is simply not found
      throw ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name));
    }
    BuildIdPage page = backend.listBuildsForProject(name, sortOrder(input), nextToken)
        .getOrElseThrow(BuildOperations::refusal);
    // a page is empty without a token only when the backend holds no build of the project
    if (backend.project(name).isEmpty() && page.ids().isEmpty() && nextToken.isEmpty()) {
      throw ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name));
    }
    return answer(page);
  }

  private static SortOrderType sortOrder(Members input) {
    return input.enumValue("sortOrder", Enums.SORT_ORDERS).map(SortOrderType::valueOf)
        .orElse(SortOrderType.DESCENDING);
  }

  private static ObjectNode answer(Either<StopFailure, BuildIdPage> listed) {
    return answer(listed.getOrElseThrow(BuildOperations::refusal));
  }

  private static ObjectNode answer(BuildIdPage page) {
    ObjectNode output = Json.object();
    ArrayNode ids = output.putArray("ids");
    page.ids().stream().map(BuildId::value).forEach(ids::add);
    page.nextToken().ifPresent(token -> output.put("nextToken", token));
    return output;
  }
}
