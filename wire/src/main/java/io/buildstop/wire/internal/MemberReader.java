package io.buildstop.wire.internal;

import static io.buildstop.wire.internal.Found.expected;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.buildstop.wire.WireError;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the members of one JSON object by their CodeBuild names. A member that is missing or {@code null} reads
 * as absent; members this version does not know are never looked at. A member of the wrong type records a
 * {@link WireError} naming its path and reads as absent, as does every read after it. Not an API.
 */
public final class MemberReader {

  private final JsonNode node;
  private final String path;
  private final FirstFailure failure;
  // one document's instants: a build's phases end when the next begins, so most of its timestamps repeat
  private final Map<Instant, Instant> instants;

  private MemberReader(JsonNode node, String path, FirstFailure failure, Map<Instant, Instant> instants) {
    this.node = node;
    this.path = path;
    this.failure = failure;
    this.instants = instants;
  }

  /**
   * Decodes {@code root}, which must be a JSON object, with {@code decoder}; the first problem met anywhere inside
   * is the left side.
   *
   * @param path the name of the root in error paths; empty when the root's members are top-level names
   */
  public static <T> Either<WireError, T> decode(JsonNode root, String path, Function<MemberReader, T> decoder) {
    FirstFailure failure = new FirstFailure();
    Map<Instant, Instant> instants = new HashMap<>();
    Optional<T> value = asObject(root, path.isEmpty() ? WireError.DOCUMENT : path, failure)
        .map(object -> decoder.apply(new MemberReader(object, path, failure, instants)));
    return failure.error().<Either<WireError, T>>map(Either::left)
        .orElseGet(() -> Either.right(value.orElseThrow()));
  }

  /**
   * A string member whose value many builds repeat (enum values, names, images, locations, ""): the canonical copy
   * of it, so that a store of decoded builds holds each such value once rather than once per build. {@link
   * String#intern()} is the JVM's weak table: a value no build holds any more is collected.
   */
  public Optional<String> string(String member) {
    return member(member, scalar(Scalars::string)).map(String::intern);
  }

  /**
   * A string member that is this build's own (its id, ARN, log stream, digests) or a secret (an environment
   * variable's value, a credential): a private copy, kept out of the JVM's shared table.
   */
  public Optional<String> uniqueString(String member) {
    return member(member, scalar(Scalars::string));
  }

  /** A boolean member. */
  public Optional<Boolean> bool(String member) {
    return member(member, scalar(Scalars::bool));
  }

  /** An integer member (awsJson's {@code integer}, 32 bits). */
  public Optional<Integer> int32(String member) {
    return member(member, scalar(Scalars::int32));
  }

  /** A long member (awsJson's {@code long}, 64 bits). */
  public Optional<Long> int64(String member) {
    return member(member, scalar(Scalars::int64));
  }

  /**
   * A timestamp member: epoch seconds, or an ISO-8601 string. Equal instants within one document are one object,
   * so a decoded build keeps each of its phase boundaries once rather than as one phase's end and the next's start.
   */
  public Optional<Instant> timestamp(String member) {
    return member(member, scalar(Scalars::timestamp)).map(instant -> instants.computeIfAbsent(instant, same -> same));
  }

  /** A structure member, decoded by {@code decoder}. */
  public <T> Optional<T> object(String member, Function<MemberReader, T> decoder) {
    return member(member, structure(decoder));
  }

  /** A structure member that must be there; its absence is a problem like a wrong type. */
  public <T> Optional<T> requiredObject(String member, Function<MemberReader, T> decoder) {
    JsonNode value = node.get(member);
    if (failure.happened()) {
      return Optional.empty();
    }
    if (value == null || value.isNull()) {
      return failure.fail(pathOf(member), expected("an object", value == null ? MissingNode.getInstance() : value));
    }
    return object(member, decoder);
  }

  /** A list-of-strings member whose items many builds repeat, each item canonical as in {@link #string(String)}. */
  public SentList<String> strings(String member) {
    return list(member, scalar(json -> Scalars.string(json).map(String::intern)));
  }

  /** A list-of-strings member whose items are this build's own, as in {@link #uniqueString(String)}. */
  public SentList<String> uniqueStrings(String member) {
    return list(member, scalar(Scalars::string));
  }

  /** A list-of-structures member, each item decoded by {@code decoder}. */
  public <T> SentList<T> objects(String member, Function<MemberReader, T> decoder) {
    return list(member, structure(decoder));
  }

  private interface Value<T> {
    Optional<T> read(JsonNode value, String path);
  }

  private <T> Value<T> scalar(Function<JsonNode, Either<String, T>> conversion) {
    return (value, at) -> conversion.apply(value).fold(problem -> failure.fail(at, problem), Optional::of);
  }

  private <T> Value<T> structure(Function<MemberReader, T> decoder) {
    return (value, at) -> asObject(value, at, failure).map(x -> decoder.apply(new MemberReader(value, at, failure, instants)));
  }

  private static Optional<JsonNode> asObject(JsonNode value, String at, FirstFailure failure) {
    return value.isObject() ? Optional.of(value) : failure.fail(at, expected("an object", value));
  }

  private <T> Optional<T> member(String member, Value<T> type) {
    JsonNode value = node.get(member);
    // awsJson omits an absent member; a null from a lenient server means the same
    if (value == null || value.isNull() || failure.happened()) {
      return Optional.empty();
    }
    return type.read(value, pathOf(member));
  }

  private <T> SentList<T> list(String member, Value<T> itemType) {
    return this.<SentList<T>>member(member, (value, at) -> {
      if (!value.isArray()) {
        return failure.fail(at, expected("an array", value));
      }
      List<T> items = new ArrayList<>(value.size());
      for (int index = 0; index < value.size() && !failure.happened(); index++) {
        // a null item is not "absent": the list cannot hold it, so it reads as the wrong type
        itemType.read(value.get(index), at + "[" + index + "]").ifPresent(items::add);
      }
      return Optional.of(new SentList<>(List.copyOf(items), true));
    }).orElseGet(SentList::absent);
  }

  private String pathOf(String member) {
    return path.isEmpty() ? member : path + "." + member;
  }
}
