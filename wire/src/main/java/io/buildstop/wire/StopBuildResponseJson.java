package io.buildstop.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.Build;
import io.buildstop.wire.internal.BuildCodec;
import io.buildstop.wire.internal.JsonText;
import io.buildstop.wire.internal.MemberReader;
import io.buildstop.wire.internal.MemberWriter;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a successful StopBuild response, {@code {"build": {...}}}. StartBuild and RetryBuild answer with the
 * same shape, so this reads their responses too. The package documentation lists the rules. Error paths start at
 * the top-level member, as in {@code build.phases[2].startTime}.
 */
public final class StopBuildResponseJson {

  private StopBuildResponseJson() {}

  /**
   * The response that carries {@code build}, as a JSON object.
   *
   * @param build the build the response carries
   * @return a new object, never null, that the caller may change freely
   * @throws NullPointerException if {@code build} is null
   */
  public static ObjectNode encode(Build build) {
    return MemberWriter.tree(Objects.requireNonNull(build, "build"), StopBuildResponseJson::members);
  }

  /**
   * Writes the response that carries {@code build} as one JSON object at the generator's current position: the
   * text of {@link #encode(Build)}, without building the tree. The generator is neither flushed nor closed.
   *
   * @param build the build the response carries
   * @param out where to write it
   * @throws IOException when the generator's output fails
   * @throws NullPointerException if an argument is null
   */
  public static void write(Build build, JsonGenerator out) throws IOException {
    MemberWriter.stream(Objects.requireNonNull(build, "build"), StopBuildResponseJson::members,
        Objects.requireNonNull(out, "out"));
  }

  /**
   * The response that carries {@code build}, as compact JSON text.
   *
   * @param build the build the response carries
   * @return the text of {@link #encode(Build)}, never null
   * @throws NullPointerException if {@code build} is null
   */
  public static String encodeToString(Build build) {
    Objects.requireNonNull(build, "build");
    return JsonText.write(out -> write(build, out));
  }

  private static MemberWriter members(Build build, MemberWriter out) {
    return out.object(BuildJson.ROOT, Optional.of(build), BuildCodec::encode);
  }

  /**
   * The build a response carries, or what is wrong with the response: a {@link WireError} at {@link
   * WireError#DOCUMENT} when the node is not an object, at {@code build} when that member is missing, null or not
   * an object, or at the path of the first member of the wrong type inside it. Never throws for any tree.
   *
   * @param json a response object
   * @return the build, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public static Either<WireError, Build> decode(JsonNode json) {
    return MemberReader.decode(Objects.requireNonNull(json, "json"), "",
            response -> response.requiredObject(BuildJson.ROOT, BuildCodec::decode))
        // present whenever no failure was recorded: requiredObject records one for a missing build
        .map(Optional::orElseThrow);
  }

  /**
   * The build a response text carries, or what is wrong with it: a {@link WireError} at {@link
   * WireError#DOCUMENT} when the text is not one JSON value, otherwise as {@link #decode(JsonNode)}. Never throws
   * for any text.
   *
   * @param json the text of a response
   * @return the build, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public static Either<WireError, Build> decode(String json) {
    return JsonText.parse(Objects.requireNonNull(json, "json")).flatMap(StopBuildResponseJson::decode);
  }
}
