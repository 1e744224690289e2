package io.buildstop.memory.internal;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildOrder.Position;
import io.buildstop.domain.model.Project;
import io.buildstop.memory.ProjectNamePage;
import io.buildstop.memory.ProjectSortByType;
import io.buildstop.memory.SortOrderType;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * ListBuilds and ListBuildsForProject over a {@link BuildStore}'s index, ListBuildBatches and
 * ListBuildBatchesForProject over a {@link BatchStore}'s, and ListProjects over the projects: in {@link
 * io.buildstop.domain.lifecycle.BuildOrder}, pages of {@link #PAGE_SIZE}, and an opaque {@code nextToken} that holds
 * the position of the last build handed out, so that a page continues after it even when newer builds started in
 * between or that build was evicted since. The one paging scheme of the in-memory CodeBuild and of the endpoint on
 * it; a page costs its length, not the store's size.
 */
public final class BuildListing {
  /** CodeBuild's page size for ListBuilds and ListBuildsForProject. */
  public static final int PAGE_SIZE = 100;

  // after:<epoch second>:<nano>:<build number>:<id>
  private static final String TOKEN_PREFIX = "after:";
  private static final String INVALID = "The value of nextToken is not valid";

  private BuildListing() {}

  /**
   * An index in {@link io.buildstop.domain.lifecycle.BuildOrder}: the ids after a position, ascending or descending,
   * of one project's or of all, at most {@code limit} plus one ({@link BuildStore#page}, {@link BatchStore#page}).
   */
  @FunctionalInterface
  public interface Index {
    /** The ids after {@code after} (from the start when empty), at most {@code limit} of them plus one. */
    List<Map.Entry<Position, BuildId>> page(Optional<String> project, boolean ascending, Optional<Position> after,
        int limit);
  }

  /** One page of the ids of {@code project}'s builds (of all builds when empty), in {@code order}. */
  public static Either<StopFailure, BuildIdPage> page(Index store, Optional<String> project,
      SortOrderType order, Optional<String> nextToken) {
    return paged((ascending, after, limit) -> store.page(project, ascending, after, limit), order, nextToken,
        id -> BuildId.parse(id).isRight())
        .map(page -> new BuildIdPage(page.items(), page.nextToken()));
  }

  /**
   * One page of the ids {@code which} accepts of {@code project}'s builds (of all when empty), in {@code order}, at
   * most {@code pageSize}: the same order and tokens as {@link #page(Index, Optional, SortOrderType, Optional)}, for
   * a viewer that filters and shows fewer at a time. A page costs the ids looked at until it is full.
   */
  public static Either<StopFailure, BuildIdPage> page(Index store, Optional<String> project, Predicate<BuildId> which,
      SortOrderType order, Optional<String> nextToken, int pageSize) {
    return paged(filtered(store, project, which), order, nextToken, id -> BuildId.parse(id).isRight(), pageSize)
        .map(page -> new BuildIdPage(page.items(), page.nextToken()));
  }

  /** How many of {@code project}'s ids (of all when empty) {@code which} accepts: a walk over its index. */
  public static int count(Index store, Optional<String> project, Predicate<BuildId> which) {
    return filtered(store, project, which).after(true, Optional.empty(), Integer.MAX_VALUE - 1).size();
  }

  // the most ids of the index one step of a filtered walk reads (a small page reads fewer first)
  private static final int SCAN = 1_000;

  // the index's ids that which accepts, read a step at a time from the position after
  private static Pages<BuildId> filtered(Index store, Optional<String> project, Predicate<BuildId> which) {
    return (ascending, after, limit) -> {
      int scan = Math.min(SCAN, Math.max(limit + 1, 128));
      List<Map.Entry<Position, BuildId>> kept = new ArrayList<>();
      Optional<Position> cursor = after;
      while (true) {
        List<Map.Entry<Position, BuildId>> step = store.page(project, ascending, cursor, scan);
        int read = Math.min(step.size(), scan);
        for (int i = 0; i < read && kept.size() <= limit; i++) {
          if (which.test(step.get(i).getValue())) {
            kept.add(step.get(i));
          }
        }
        if (kept.size() > limit || step.size() <= scan) {
          return kept;
        }
        cursor = Optional.of(step.get(scan - 1).getKey());
      }
    };
  }

  /**
   * ListProjects: one page of the names of {@code projects}, ordered by {@code sortBy} (ties by name) in {@code
   * order}, in the builds' paging scheme. The projects are few (at most the CodeBuild's project bound), so their
   * order is made for each page rather than kept as an index.
   */
  public static Either<StopFailure, ProjectNamePage> projectPage(Collection<Project> projects,
      ProjectSortByType sortBy, SortOrderType order, Optional<String> nextToken) {
    NavigableMap<Position, String> byOrder = new TreeMap<>();
    for (Project project : projects) {
      String name = project.name().orElseThrow();
      Optional<Instant> at = switch (sortBy) {
        case NAME -> Optional.empty();
        case CREATED_TIME -> project.created();
        case LAST_MODIFIED_TIME -> project.lastModified();
      };
      byOrder.put(new Position(at.orElse(Instant.MIN), Long.MIN_VALUE, name), name);
    }
    return paged((ascending, after, limit) -> IndexPages.page(byOrder, Map.<String, NavigableMap<Position, String>>of(),
            Optional.empty(), ascending, after, limit), order, nextToken,
        name -> BuildId.parseProjectName(name).isRight())
        .map(page -> new ProjectNamePage(page.items(), page.nextToken()));
  }

  // the ids after a position, ascending or descending, at most limit plus one
  @FunctionalInterface
  private interface Pages<V> {
    List<Map.Entry<Position, V>> after(boolean ascending, Optional<Position> after, int limit);
  }

  private record Page<V>(List<V> items, Optional<String> nextToken) {}

  // the one paging scheme: a token names the position of the last item handed out, whose id must be one of ours
  private static <V> Either<StopFailure, Page<V>> paged(Pages<V> pages, SortOrderType order,
      Optional<String> nextToken, Predicate<String> ours) {
    return paged(pages, order, nextToken, ours, PAGE_SIZE);
  }

  private static <V> Either<StopFailure, Page<V>> paged(Pages<V> pages, SortOrderType order,
      Optional<String> nextToken, Predicate<String> ours, int pageSize) {
    Optional<Position> after = Optional.empty();
    if (nextToken.isPresent()) {
      after = decode(nextToken.get(), ours);
      if (after.isEmpty()) {
        return Either.left(new StopFailure.InvalidInput(INVALID, Optional.empty()));
      }
    }
    List<Map.Entry<Position, V>> found = pages.after(order == SortOrderType.ASCENDING, after, pageSize);
    List<Map.Entry<Position, V>> page = found.subList(0, Math.min(found.size(), pageSize));
    // one more than a page was found: another page follows, after the last one handed out
    Optional<String> next = found.size() > pageSize
        ? Optional.of(encode(page.get(pageSize - 1).getKey()))
        : Optional.empty();
    return Either.right(new Page<>(page.stream().map(Map.Entry::getValue).toList(), next));
  }

  private static String encode(Position last) {
    String text = TOKEN_PREFIX + last.startTime().getEpochSecond() + ":" + last.startTime().getNano() + ":"
        + last.buildNumber() + ":" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Position> decode(String token, Predicate<String> ours) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(TOKEN_PREFIX)) {
        return Optional.empty();
      }
      String[] parts = text.substring(TOKEN_PREFIX.length()).split(":", 4);
      if (parts.length != 4 || !ours.test(parts[3])) {
        return Optional.empty();
      }
      return Optional.of(new Position(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
          Long.parseLong(parts[2]), parts[3]));
    } catch (IllegalArgumentException | java.time.DateTimeException notOurs) {
      // not base64, not numbers, not an instant: a token we did not issue, InvalidInput as from CodeBuild
      return Optional.empty();
    }
  }
}
