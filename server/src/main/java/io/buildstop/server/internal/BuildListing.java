package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryBuildStopper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * ListBuilds and ListBuildsForProject: build ids newest first unless {@code sortOrder} is ASCENDING (by start time,
 * then build number, then id), in pages of 100. {@code nextToken} is opaque to clients: the base64 of the last id
 * handed out, so a page continues after that build even when newer builds started in between.
 */
public final class BuildListing {
  /** Ids per page, as CodeBuild pages them. */
  public static final int PAGE_SIZE = 100;

  private static final String TOKEN_PREFIX = "buildstop-v1:";
  private static final Comparator<Build> OLDEST_FIRST = Comparator
      .comparing((Build build) -> build.startTime().orElse(Instant.EPOCH))
      .thenComparing(build -> build.buildNumber().orElse(0L))
      .thenComparing(build -> build.id().orElse(""));

  private final InMemoryBuildStopper backend;
  private final ProjectStore projects;
  private final Arns arns;

  /** Listings of this backend's builds, and of the projects in {@code projects}. */
  public BuildListing(InMemoryBuildStopper backend, ProjectStore projects, Arns arns) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.arns = Objects.requireNonNull(arns, "arns");
  }

  /** ListBuilds: every build the backend holds. */
  public ObjectNode listBuilds(Operation.Call call) {
    return page(Members.of(call.input()), build -> true);
  }

  /**
   * ListBuildsForProject: the builds of one project. A project is known when it was created here, or when the
   * backend holds builds of it (seeded straight into the backend); any other is ResourceNotFoundException.
   */
  public ObjectNode listBuildsForProject(Operation.Call call) {
    Members input = Members.of(call.input());
    String name = Arns.projectName(input.requiredNonEmpty("projectName"));
    Predicate<Build> ofProject = build -> build.projectName().equals(Optional.of(name));
    ObjectNode page = page(input, ofProject);
    if (!projects.contains(name) && backend.builds().stream().noneMatch(ofProject)) {
      throw ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name));
    }
    return page;
  }

  private ObjectNode page(Members input, Predicate<Build> selected) {
    boolean ascending = input.enumValue("sortOrder", Enums.SORT_ORDERS).map("ASCENDING"::equals).orElse(false);
    Optional<String> after = input.string("nextToken").map(BuildListing::lastIdOf);
    List<String> ids = backend.builds().stream()
        .filter(selected)
        .sorted(ascending ? OLDEST_FIRST : OLDEST_FIRST.reversed())
        .map(build -> build.id().orElse(""))
        .toList();
    int from = after.map(last -> ids.indexOf(last) + 1).orElse(0);
    if (after.isPresent() && from == 0) {
      throw ServiceError.invalidInput("The value of nextToken is not valid");
    }
    int to = Math.min(ids.size(), from + PAGE_SIZE);
    ObjectNode output = Json.object();
    ArrayNode page = output.putArray("ids");
    ids.subList(from, to).forEach(page::add);
    if (to < ids.size()) {
      output.put("nextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString((TOKEN_PREFIX + ids.get(to - 1)).getBytes(StandardCharsets.UTF_8)));
    }
    return output;
  }

  private static String lastIdOf(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_PREFIX) && text.length() > TOKEN_PREFIX.length()) {
        return text.substring(TOKEN_PREFIX.length());
      }
    } catch (IllegalArgumentException notBase64) {
      // falls through to the refusal below
    }
    throw ServiceError.invalidInput("The value of nextToken is not valid");
  }
}
