package io.buildstop.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.Build;
import io.buildstop.wire.internal.BuildCodec;
import io.buildstop.wire.internal.JsonText;
import io.buildstop.wire.internal.MemberReader;
import io.buildstop.wire.internal.MemberWriter;
import io.buildstop.wire.internal.SentList;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.Objects;

/**
 * The body of a BatchGetBuilds response, {@code {"builds": [...], "buildsNotFound": [...]}}, the call clients poll
 * to learn that a stop has settled. The package documentation lists the rules. Error paths start at the top-level
 * member, as in {@code builds[1].phases[2].startTime}.
 */
public final class BatchGetBuildsResponseJson {

  private BatchGetBuildsResponseJson() {}

  /**
   * The response as a JSON object.
   *
   * @param response the response to encode
   * @return a new object, never null, that the caller may change freely
   * @throws NullPointerException if {@code response} is null
   */
  public static ObjectNode encode(BatchGetBuildsResponse response) {
    return MemberWriter.tree(Objects.requireNonNull(response, "response"), BatchGetBuildsResponseJson::members);
  }

  /**
   * Writes the response as one JSON object at the generator's current position: the text of {@link
   * #encode(BatchGetBuildsResponse)}, without building the tree. The generator is neither flushed nor closed.
   *
   * @param response the response to encode
   * @param out where to write it
   * @throws IOException when the generator's output fails
   * @throws NullPointerException if an argument is null
   */
  public static void write(BatchGetBuildsResponse response, JsonGenerator out) throws IOException {
    MemberWriter.stream(Objects.requireNonNull(response, "response"), BatchGetBuildsResponseJson::members,
        Objects.requireNonNull(out, "out"));
  }

  /**
   * The response as compact JSON text.
   *
   * @param response the response to encode
   * @return the text of {@link #encode(BatchGetBuildsResponse)}, never null
   * @throws NullPointerException if {@code response} is null
   */
  public static String encodeToString(BatchGetBuildsResponse response) {
    Objects.requireNonNull(response, "response");
    return JsonText.write(out -> write(response, out));
  }

  private static MemberWriter members(BatchGetBuildsResponse response, MemberWriter out) {
    return out
        .objects("builds", response.builds(), response.hasBuilds(), BuildCodec::encode)
        .strings("buildsNotFound", response.buildsNotFound(), response.hasBuildsNotFound());
  }

  /**
   * The response a JSON object describes, or what is wrong with it: a {@link WireError} at {@link
   * WireError#DOCUMENT} when the node is not an object, or at the path of the first member of the wrong type, such
   * as {@code builds[1].buildNumber} or {@code buildsNotFound[0]}. Never throws for any tree.
   *
   * @param json a BatchGetBuilds response object
   * @return the response, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public static Either<WireError, BatchGetBuildsResponse> decode(JsonNode json) {
    return MemberReader.decode(Objects.requireNonNull(json, "json"), "", response -> {
      SentList<Build> builds = response.objects("builds", BuildCodec::decode);
      SentList<String> notFound = response.uniqueStrings("buildsNotFound");
      return new BatchGetBuildsResponse(builds.items(), builds.sent(), notFound.items(), notFound.sent());
    });
  }

  /**
   * The response a JSON text describes, or what is wrong with it: a {@link WireError} at {@link
   * WireError#DOCUMENT} when the text is not one JSON value, otherwise as {@link #decode(JsonNode)}. Never throws
   * for any text.
   *
   * @param json the text of a BatchGetBuilds response
   * @return the response, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public static Either<WireError, BatchGetBuildsResponse> decode(String json) {
    return JsonText.parse(Objects.requireNonNull(json, "json")).flatMap(BatchGetBuildsResponseJson::decode);
  }
}
