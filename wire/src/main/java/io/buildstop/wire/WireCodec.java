package io.buildstop.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.Project;
import io.buildstop.wire.internal.BuildBatchCodec;
import io.buildstop.wire.internal.BuildCodec;
import io.buildstop.wire.internal.EventCodec;
import io.buildstop.wire.internal.JsonText;
import io.buildstop.wire.internal.MemberWriter;
import io.buildstop.wire.internal.ProjectCodec;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One of CodeBuild's JSON shapes and its value, both ways: {@link #BUILD} for a build on its own, {@link
 * #STOP_BUILD_RESPONSE} for the {@code {"build": ...}} responses (StopBuild, StartBuild, RetryBuild) and {@link
 * #BATCH_GET_BUILDS_RESPONSE} for BatchGetBuilds, {@link #PROJECT} for a project, {@link #BUILD_BATCH} for a
 * batch build, and {@link #BUILD_EVENT} for the events CodeBuild sends to EventBridge. The package documentation
 * lists the rules every codec keeps.
 *
 * @param <T> the value the shape carries
 */
public final class WireCodec<T> {

  /** The name error paths give a build object on its own. */
  private static final String BUILD_PATH = "build";

  /**
   * A {@link Build} as CodeBuild's JSON {@code Build} object: the value of the {@code build} member of a StopBuild
   * response, or of one item of a BatchGetBuilds response's {@code builds}. Error paths start at {@code build}, as
   * in {@code build.phases[2].startTime}.
   *
   * <p>For timestamps exact to the nanosecond, parse the text with {@code
   * DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS}, or decode the text; a tree holding doubles is read through
   * each double's shortest decimal form, which gives back any millisecond timestamp as it was sent.
   */
  public static final WireCodec<Build> BUILD = new WireCodec<>("build", BuildCodec::encode,
      json -> MemberReader.decode(json, BUILD_PATH, BuildCodec::decode));

  /**
   * The body of a successful StopBuild response, {@code {"build": {...}}}; StartBuild and RetryBuild answer with the
   * same shape. Decoding fails at {@code build} when that member is missing, null or not an object; error paths
   * start at the top-level member, as in {@code build.phases[2].startTime}.
   */
  public static final WireCodec<Build> STOP_BUILD_RESPONSE = new WireCodec<>("build",
      (build, out) -> out.object(BUILD_PATH, Optional.of(build), BuildCodec::encode),
      json -> MemberReader.decode(json, "", response -> response.requiredObject(BUILD_PATH, BuildCodec::decode))
          // present whenever no failure was recorded: requiredObject records one for a missing build
          .map(Optional::orElseThrow));

  /**
   * The body of a successful BatchGetBuilds response, {@code {"builds": [...], "buildsNotFound": [...]}}; error
   * paths name the first member of the wrong type, such as {@code builds[1].buildNumber} or {@code
   * buildsNotFound[0]}.
   */
  public static final WireCodec<BatchGetBuildsResponse> BATCH_GET_BUILDS_RESPONSE = new WireCodec<>("response",
      (response, out) -> out
          .objects("builds", response.builds(), response.hasBuilds(), BuildCodec::encode)
          .strings("buildsNotFound", response.buildsNotFound(), response.hasBuildsNotFound()),
      json -> MemberReader.decode(json, "", response -> {
        SentList<Build> builds = response.objects("builds", BuildCodec::decode);
        SentList<String> notFound = response.uniqueStrings("buildsNotFound");
        return new BatchGetBuildsResponse(builds.items(), builds.sent(), notFound.items(), notFound.sent());
      }));

  /**
   * A {@link Project} as CodeBuild's JSON {@code Project} object: the value of the {@code project} member of a
   * CreateProject response, or of one item of a BatchGetProjects response's {@code projects}. Error paths start at
   * {@code project}, as in {@code project.source.type}.
   */
  public static final WireCodec<Project> PROJECT = new WireCodec<>("project", ProjectCodec::encode,
      json -> MemberReader.decode(json, "project", ProjectCodec::decode));

  /**
   * A {@link BuildBatch} as CodeBuild's JSON {@code BuildBatch} object: the value of the {@code buildBatch} member of
   * a StartBuildBatch or StopBuildBatch response, or of one item of a BatchGetBuildBatches response's {@code
   * buildBatches}. Error paths start at {@code buildBatch}, as in {@code buildBatch.buildGroups[1].ignoreFailure}.
   */
  public static final WireCodec<BuildBatch> BUILD_BATCH = new WireCodec<>("buildBatch", BuildBatchCodec::encode,
      json -> MemberReader.decode(json, "buildBatch", BuildBatchCodec::decode));

  /**
   * A CodeBuild build event as EventBridge delivers it, of either kind: a {@link BuildStateChange} or a {@link
   * BuildPhaseChange}, as its {@code detail-type} says. The envelope's nine members are required; everything inside
   * {@code detail} is optional. Times travel as text in whole seconds: {@code time} in ISO-8601, the others as
   * CodeBuild writes them ({@code "Sep 1, 2017 4:12:29 PM"}, UTC). Unlike the other codecs, members this version does
   * not model are kept, each object's in its {@code otherMembers}, and written back, so a real event decodes and
   * re-encodes without loss. Error paths start at the top-level member, as in {@code
   * detail.additional-information.phases[1].start-time}.
   *
   * <p>Encoding throws {@link IllegalArgumentException} for an {@code otherMembers} entry that is not JSON text or
   * that names a modelled member: values no decoding produces.
   */
  public static final WireCodec<BuildEvent> BUILD_EVENT = new WireCodec<>("event", EventCodec::encode,
      json -> MemberReader.decode(json, "", EventCodec::decode)
          // present whenever no failure was recorded: every way to an empty answer records one
          .map(Optional::orElseThrow));

  /** A "CodeBuild Build State Change" event, as {@link #BUILD_EVENT} reads and writes it; another kind fails. */
  public static final WireCodec<BuildStateChange> BUILD_STATE_CHANGE = new WireCodec<>("event",
      EventCodec::encodeStateChange,
      json -> MemberReader.decode(json, "", EventCodec::decodeStateChange).map(Optional::orElseThrow));

  /** A "CodeBuild Build Phase Change" event, as {@link #BUILD_EVENT} reads and writes it; another kind fails. */
  public static final WireCodec<BuildPhaseChange> BUILD_PHASE_CHANGE = new WireCodec<>("event",
      EventCodec::encodePhaseChange,
      json -> MemberReader.decode(json, "", EventCodec::decodePhaseChange).map(Optional::orElseThrow));

  private final String valueName;
  private final MemberWriter.Encoder<T> members;
  private final Function<JsonNode, Either<WireError, T>> decoder;

  private WireCodec(String valueName, MemberWriter.Encoder<T> members,
      Function<JsonNode, Either<WireError, T>> decoder) {
    this.valueName = valueName;
    this.members = members;
    this.decoder = decoder;
  }

  /**
   * The value as a JSON object.
   *
   * @param value the value to encode
   * @return a new object, never null, that the caller may change freely
   * @throws NullPointerException if {@code value} is null
   */
  public ObjectNode encode(T value) {
    return MemberWriter.tree(Objects.requireNonNull(value, valueName), members);
  }

  /**
   * Writes the value as one JSON object at the generator's current position: the text of {@link #encode}, without
   * building the tree. The generator is neither flushed nor closed.
   *
   * @param value the value to encode
   * @param out where to write it
   * @throws IOException when the generator's output fails
   * @throws NullPointerException if an argument is null
   */
  public void write(T value, JsonGenerator out) throws IOException {
    MemberWriter.stream(Objects.requireNonNull(value, valueName), members, Objects.requireNonNull(out, "out"));
  }

  /**
   * The value as compact JSON text.
   *
   * @param value the value to encode
   * @return the text of {@link #encode}, never null
   * @throws NullPointerException if {@code value} is null
   */
  public String encodeToString(T value) {
    Objects.requireNonNull(value, valueName);
    return JsonText.write(out -> write(value, out));
  }

  /**
   * The value a JSON tree describes, or what is wrong with it: a {@link WireError} at the shape's root when the node
   * is not an object, or at the path of the first member of the wrong type. Never throws for any tree.
   *
   * @param json the tree
   * @return the value, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public Either<WireError, T> decode(JsonNode json) {
    return decoder.apply(Objects.requireNonNull(json, "json"));
  }

  /**
   * The value a JSON text describes, or what is wrong with it: a {@link WireError} at {@link WireError#DOCUMENT}
   * when the text is not one JSON value, otherwise as {@link #decode(JsonNode)}. Never throws for any text.
   *
   * @param json the text
   * @return the value, or the first problem found; never null
   * @throws NullPointerException if {@code json} is null
   */
  public Either<WireError, T> decode(String json) {
    return JsonText.parse(Objects.requireNonNull(json, "json")).flatMap(this::decode);
  }
}
