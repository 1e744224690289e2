package io.buildstop.memory.internal;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildOrder;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.SortOrderType;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * ListBuilds and ListBuildsForProject over a snapshot of builds: in {@link BuildOrder}, pages of {@link #PAGE_SIZE},
 * and an opaque {@code nextToken} that names the last id handed out, so that a page continues after that build even
 * when newer builds started in between. The one paging scheme of the in-memory CodeBuild and of the endpoint on it.
 */
public final class BuildListing {
  /** CodeBuild's page size for ListBuilds and ListBuildsForProject. */
  public static final int PAGE_SIZE = 100;

  private static final String TOKEN_PREFIX = "after:";

  private BuildListing() {}

  /** One page of the ids of the {@code selected} builds among {@code builds}, in {@code order}. */
  public static Either<StopFailure, BuildIdPage> page(List<Build> builds, Predicate<Build> selected,
      SortOrderType order, Optional<String> nextToken) {
    List<BuildId> ids = builds.stream()
        .filter(selected)
        .sorted(order == SortOrderType.ASCENDING ? BuildOrder.OLDEST_FIRST : BuildOrder.NEWEST_FIRST)
        .map(build -> BuildId.parse(build.id().orElseThrow()).get())
        .toList();
    int from = 0;
    if (nextToken.isPresent()) {
      Optional<String> after = decode(nextToken.get());
      int index = after.map(id -> ids.stream().map(BuildId::value).toList().indexOf(id)).orElse(-1);
      if (index < 0) {
        return Either.left(new StopFailure.InvalidInput("The value of nextToken is not valid", Optional.empty()));
      }
      from = index + 1;
    }
    int to = Math.min(ids.size(), from + PAGE_SIZE);
    List<BuildId> page = ids.subList(from, to);
    Optional<String> next = to < ids.size() ? Optional.of(encode(page.get(page.size() - 1))) : Optional.empty();
    return Either.right(new BuildIdPage(page, next));
  }

  private static String encode(BuildId last) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((TOKEN_PREFIX + last.value()).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> decode(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return decoded.startsWith(TOKEN_PREFIX) && decoded.length() > TOKEN_PREFIX.length()
          ? Optional.of(decoded.substring(TOKEN_PREFIX.length()))
          : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      // a token we did not issue: the caller gets InvalidInput, as from CodeBuild
      return Optional.empty();
    }
  }
}
