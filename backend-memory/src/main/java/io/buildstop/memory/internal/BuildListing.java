package io.buildstop.memory.internal;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildOrder.Position;
import io.buildstop.memory.SortOrderType;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ListBuilds and ListBuildsForProject over a {@link BuildStore}'s index, and ListBuildBatches and
 * ListBuildBatchesForProject over a {@link BatchStore}'s: in {@link
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
    Optional<Position> after = Optional.empty();
    if (nextToken.isPresent()) {
      after = decode(nextToken.get());
      if (after.isEmpty()) {
        return Either.left(new StopFailure.InvalidInput(INVALID, Optional.empty()));
      }
    }
    List<Map.Entry<Position, BuildId>> found = store.page(project, order == SortOrderType.ASCENDING, after,
        PAGE_SIZE);
    List<Map.Entry<Position, BuildId>> page = found.subList(0, Math.min(found.size(), PAGE_SIZE));
    // one more than a page was found: another page follows, after the last one handed out
    Optional<String> next = found.size() > PAGE_SIZE
        ? Optional.of(encode(page.get(PAGE_SIZE - 1).getKey()))
        : Optional.empty();
    return Either.right(new BuildIdPage(page.stream().map(Map.Entry::getValue).toList(), next));
  }

  private static String encode(Position last) {
    String text = TOKEN_PREFIX + last.startTime().getEpochSecond() + ":" + last.startTime().getNano() + ":"
        + last.buildNumber() + ":" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Position> decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(TOKEN_PREFIX)) {
        return Optional.empty();
      }
      String[] parts = text.substring(TOKEN_PREFIX.length()).split(":", 4);
      if (parts.length != 4 || BuildId.parse(parts[3]).isLeft()) {
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
