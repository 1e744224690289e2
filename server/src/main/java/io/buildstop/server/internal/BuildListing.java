package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.SortOrderType;
import io.buildstop.wire.MemberReader;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    Listing listing = checked(call, input -> new Listing("", sortOrder(input), input.string("nextToken")));
    return answer(backend.listBuilds(listing.order(), listing.nextToken()));
  }

  /**
   * ListBuildsForProject: the builds of one project. A project is known when it was created here, or when the
   * backend holds builds of it (seeded straight into the backend) and DeleteProject has not deleted it; any other is
   * ResourceNotFoundException.
   */
  public ObjectNode listBuildsForProject(Operation.Call call) {
    Listing listing = checked(call, input -> new Listing(
        input.requiredNonEmpty("projectName").map(Arns::projectName).orElse(""), SortOrderType.DESCENDING,
        input.string("nextToken")));
    String name = listing.projectName();
    if (BuildId.parseProjectName(name).isLeft() || backend.projectDeleted(name)) {
      // CodeBuild checks no pattern here: a name no project can have is simply not found; a deleted project's
      // builds stay builds, but the project is gone
      throw ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name));
    }
    // the sort order is checked after the name, as before: a name no project can have answers first
    SortOrderType order = checked(call, BuildListing::sortOrder);
    BuildIdPage page = backend.listBuildsForProject(name, order, listing.nextToken())
        .getOrElseThrow(BuildOperations::refusal);
    // a page is empty without a token only when the backend holds no build of the project
    if (backend.project(name).isEmpty() && page.ids().isEmpty() && listing.nextToken().isEmpty()) {
      throw ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name));
    }
    return answer(page);
  }

  /** ListBuildBatches: every batch the backend holds, in the builds' order and paging. */
  public ObjectNode listBuildBatches(Operation.Call call) {
    Listing listing = checked(call, input -> new Listing("", sortOrder(input), input.string("nextToken")));
    return answer(backend.listBuildBatches(listing.order(), listing.nextToken()));
  }

  /**
   * ListBuildBatchesForProject: the batches of one project, known as for {@link #listBuildsForProject}: created
   * here, or holding batches; any other is ResourceNotFoundException.
   */
  public ObjectNode listBuildBatchesForProject(Operation.Call call) {
    Listing listing = checked(call, input -> new Listing(
        input.requiredNonEmpty("projectName").map(Arns::projectName).orElse(""), sortOrder(input),
        input.string("nextToken")));
    String name = listing.projectName();
    if (BuildId.parseProjectName(name).isLeft() || backend.projectDeleted(name)) {
      throw ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name));
    }
    BuildIdPage page = backend.listBuildBatchesForProject(name, listing.order(), listing.nextToken())
        .getOrElseThrow(BuildOperations::refusal);
    if (backend.project(name).isEmpty() && page.ids().isEmpty() && listing.nextToken().isEmpty()) {
      throw ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name));
    }
    return answer(page);
  }

  /** What a listing request asks for. */
  private record Listing(String projectName, SortOrderType order, Optional<String> nextToken) {}

  private static <T> T checked(Operation.Call call, Function<MemberReader, T> reads) {
    return MemberReader.validate(call.input(), reads).getOrElseThrow(ServiceError::invalid);
  }

  private static SortOrderType sortOrder(MemberReader input) {
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
