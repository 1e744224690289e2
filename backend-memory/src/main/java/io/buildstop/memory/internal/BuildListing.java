package io.buildstop.memory.internal;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** ListBuildsForProject over a snapshot of builds: newest first, pages of {@link #PAGE_SIZE}, opaque tokens. */
public final class BuildListing {
  /** CodeBuild's page size for ListBuildsForProject. */
  public static final int PAGE_SIZE = 100;

  private static final String TOKEN_PREFIX = "after:";

  // newest first: start time, then build number; the id breaks the last ties so pages never overlap
  private static final Comparator<Build> NEWEST_FIRST = Comparator
      .comparing((Build build) -> build.startTime().orElse(Instant.MIN))
      .thenComparing(build -> build.buildNumber().orElse(Long.MIN_VALUE))
      .thenComparing(build -> build.id().orElse(""))
      .reversed();

  private BuildListing() {}

  /** One page of the ids of {@code projectName}'s builds among {@code builds}. */
  public static Either<StopFailure, BuildIdPage> page(String projectName, List<Build> builds,
      Optional<String> nextToken) {
    List<BuildId> ids = builds.stream()
        .filter(build -> build.projectName().equals(Optional.of(projectName)))
        .sorted(NEWEST_FIRST)
        .map(build -> BuildId.parse(build.id().orElseThrow()).get())
        .toList();
    int from = 0;
    if (nextToken.isPresent()) {
      Optional<String> after = decode(nextToken.get());
      int index = after.map(id -> ids.stream().map(BuildId::value).toList().indexOf(id)).orElse(-1);
      if (index < 0) {
        return Either.left(new StopFailure.InvalidInput(
            "The nextToken is not valid for project " + projectName, Optional.empty()));
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
      return decoded.startsWith(TOKEN_PREFIX)
          ? Optional.of(decoded.substring(TOKEN_PREFIX.length()))
          : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      // a token we did not issue: the caller gets InvalidInput, as from CodeBuild
      return Optional.empty();
    }
  }
}
