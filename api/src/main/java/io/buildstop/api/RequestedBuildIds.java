package io.buildstop.api;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ids of one {@link BuildReader#batchGetBuilds(List)} call, validated as every backend validates them: 1 to
 * {@link BuildReader#MAX_BATCH_GET_IDS} ids, each a build id or build ARN, duplicates once, in the order asked. Each
 * id remembers how the caller spelled it, so that {@code buildsNotFound} answers in the caller's words.
 */
public final class RequestedBuildIds {
  private final Map<BuildId, String> asGiven;

  private RequestedBuildIds(Map<BuildId, String> asGiven) {
    this.asGiven = asGiven;
  }

  /**
   * Validates the ids of a BatchGetBuilds call.
   *
   * @return the ids, or {@link StopFailure.InvalidInput} for no ids, too many, or the first that cannot be a build
   *     id; never throws
   */
  public static Either<StopFailure, RequestedBuildIds> parse(List<String> ids) {
    return parse(ids, BuildReader.MAX_BATCH_GET_IDS, "build ids", BuildId::parse);
  }

  /**
   * Validates the ids of a BatchGetBuildBatches call as {@link #parse(List)} those of BatchGetBuilds: batch ids or
   * build batch ARNs ({@link BuildBatchIds}).
   *
   * @return the ids, or {@link StopFailure.InvalidInput} for no ids, too many, or the first that cannot be a batch
   *     id; never throws
   */
  public static Either<StopFailure, RequestedBuildIds> parseBatchIds(List<String> ids) {
    return parse(ids, BuildBatchReader.MAX_BATCH_GET_IDS, "build batch ids", BuildBatchIds::parse);
  }

  private static Either<StopFailure, RequestedBuildIds> parse(List<String> ids, int max, String what,
      Function<String, Either<StopFailure, BuildId>> parser) {
    if (ids == null || ids.isEmpty() || ids.size() > max) {
      return Either.left(new StopFailure.InvalidInput("ids must hold 1 to " + max + " " + what, Optional.empty()));
    }
    Map<BuildId, String> asGiven = new LinkedHashMap<>();
    for (String id : ids) {
      Either<StopFailure, BuildId> parsed = parser.apply(id);
      if (parsed.isLeft()) {
        return Either.left(parsed.getLeft());
      }
      asGiven.putIfAbsent(parsed.get(), id);
    }
    return Either.right(new RequestedBuildIds(asGiven));
  }

  /** The distinct ids, normalised (an ARN becomes its id), in the order first asked. */
  public List<BuildId> ids() {
    return List.copyOf(asGiven.keySet());
  }

  /** How the caller spelled {@code id} (the id itself if it was not asked for). */
  public String asGiven(BuildId id) {
    return asGiven.getOrDefault(id, id.value());
  }
}
