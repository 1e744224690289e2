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

/**
 * A {@link Build} as CodeBuild's JSON {@code Build} object, and back: the value of the {@code build} member of a
 * StopBuild response, or of one item of a BatchGetBuilds response's {@code builds}. The package documentation lists
 * the rules. Error paths start at {@code build}, as in {@code build.phases[2].startTime}.
 */
public final class BuildJson {

  /** The name error paths give the build object itself. */
  static final String ROOT = "build";

  private BuildJson() {}

  /**
   * The build as a JSON object.
   *
   * @param build the build to encode
   * @return a new object, never null, that the caller may change freely
   * @throws NullPointerException if {@code build} is null
   */
  public static ObjectNode encode(Build build) {
    return MemberWriter.tree(Objects.requireNonNull(build, "build"), BuildCodec::encode);
  }

  /**
   * Writes the build as one JSON object at the generator's current position: the text of {@link #encode(Build)},
   * without building the tree. The generator is neither flushed nor closed.
   *
   * @param build the build to encode
   * @param out where to write it
   * @throws IOException when the generator's output fails
   * @throws NullPointerException if an argument is null
   */
  public static void write(Build build, JsonGenerator out) throws IOException {
    MemberWriter.stream(Objects.requireNonNull(build, "build"), BuildCodec::encode, Objects.requireNonNull(out, "out"));
  }

  /**
   * The build as compact JSON text.
   *
   * @param build the build to encode
   * @return the text of {@link #encode(Build)}, never null
   * @throws NullPointerException if {@code build} is null
   */
  public static String encodeToString(Build build) {
    Objects.requireNonNull(build, "build");
    return JsonText.write(out -> write(build, out));
  }

  /**
   * The build a JSON object describes, or what is wrong with it: a {@link WireError} at {@code build} when the
   * node is not an object, or at the path of the first member of the wrong type. Never throws for any tree.
   *
   * <p>For timestamps exact to the nanosecond, parse the text with {@code
   * DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS}, or call {@link #decode(String)}; a tree holding doubles is
   * read through each double's shortest decimal form, which gives back any millisecond timestamp as it was sent.
   *
   * @param json a JSON {@code Build} object
   * @return the build, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public static Either<WireError, Build> decode(JsonNode json) {
    return MemberReader.decode(Objects.requireNonNull(json, "json"), ROOT, BuildCodec::decode);
  }

  /**
   * The build a JSON text describes, or what is wrong with it: a {@link WireError} at {@link WireError#DOCUMENT}
   * when the text is not one JSON value, otherwise as {@link #decode(JsonNode)}. Never throws for any text.
   *
   * @param json the text of a JSON {@code Build} object
   * @return the build, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public static Either<WireError, Build> decode(String json) {
    return JsonText.parse(Objects.requireNonNull(json, "json")).flatMap(BuildJson::decode);
  }
}
