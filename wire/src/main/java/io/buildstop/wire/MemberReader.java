package io.buildstop.wire;

import static io.buildstop.wire.internal.Found.expected;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the members of one JSON object by their CodeBuild names: the one reader behind the codecs' decoding of
 * responses and the local endpoint's checks of requests. A member that is missing or {@code null} reads as absent;
 * members a reader is not asked for are never looked at. The first member that breaks a rule (a wrong JSON type, and
 * for requests the service model's lengths, ranges, patterns and enums) is recorded and reads as absent, as does
 * every read after it; {@link #decode} answers it as a {@link WireError} ({@code build.phases[2].startTime:
 * expected ...}), {@link #validate} as an {@link InvalidMember} in AWS's validation style ({@code Value at
 * 'source.gitCloneDepth' failed to satisfy constraint: Member must be an integer, not a string}). Nothing here
 * throws for any tree.
 *
 * <p>A reader belongs to one decoding or validation, on one thread.
 */
public final class MemberReader {

  private final JsonNode node;
  // the object's path in a WireError (build.phases[2]) and, as a prefix, in an InvalidMember (phases.3.member.)
  private final String path;
  private final String awsPath;
  private final FirstFailure failure;
  // one document's instants: a build's phases end when the next begins, so most of its timestamps repeat
  private final Map<Instant, Instant> instants;

  private MemberReader(JsonNode node, String path, String awsPath, FirstFailure failure,
      Map<Instant, Instant> instants) {
    this.node = node;
    this.path = path;
    this.awsPath = awsPath;
    this.failure = failure;
    this.instants = instants;
  }

  /**
   * Decodes {@code root}, which must be a JSON object, with {@code decoder}; the first problem met anywhere inside
   * is the left side.
   *
   * @param root the tree
   * @param path the name of the root in error paths; empty when the root's members are top-level names
   * @param decoder reads the value from the root's members; returns non-null
   * @param <T> the value
   * @return the value, or the first problem; never null
   */
  public static <T> Either<WireError, T> decode(JsonNode root, String path, Function<MemberReader, T> decoder) {
    FirstFailure failure = new FirstFailure();
    Optional<T> value = read(root, path, failure, decoder);
    return failure.error().<Either<WireError, T>>map(Either::left)
        .orElseGet(() -> Either.right(value.orElseThrow()));
  }

  /**
   * Checks a request object with {@code checks}, which reads its members with the service model's rules; the first
   * member that breaks one is the left side, named as AWS names it. The reader the checks were given may be read
   * again after a right answer: its reads cannot fail then.
   *
   * @param input the request's object
   * @param checks reads and checks the members, and returns what the caller needs of them (non-null)
   * @param <T> what the checks return
   * @return what the checks returned, or the first member that broke a rule; never null
   */
  public static <T> Either<InvalidMember, T> validate(JsonNode input, Function<MemberReader, T> checks) {
    FirstFailure failure = new FirstFailure();
    Optional<T> value = read(input, "", failure, checks);
    return failure.invalid().<Either<InvalidMember, T>>map(Either::left)
        .orElseGet(() -> Either.right(value.orElseThrow()));
  }

  private static <T> Optional<T> read(JsonNode root, String path, FirstFailure failure,
      Function<MemberReader, T> reads) {
    Objects.requireNonNull(root, "root");
    Map<Instant, Instant> instants = new HashMap<>();
    String at = path.isEmpty() ? WireError.DOCUMENT : path;
    if (!root.isObject()) {
      return failure.fail(new WireError(at, expected("an object", root)),
          new InvalidMember("", at, "Member must be an object, not " + describe(root)));
    }
    return Optional.of(reads.apply(new MemberReader(root, path, "", failure, instants)));
  }

  /** The object these members belong to. */
  public JsonNode node() {
    return node;
  }

  // --- the wire's reads: a response's members, as the codecs read them

  /**
   * A string member whose value many builds repeat (enum values, names, images, locations, ""): the canonical copy
   * of it, so that a store of decoded builds holds each such value once rather than once per build. {@link
   * String#intern()} is the JVM's weak table: a value no build holds any more is collected.
   */
  public Optional<String> string(String member) {
    return uniqueString(member).map(String::intern);
  }

  /**
   * A string member that is this build's own (its id, ARN, log stream, digests) or a secret (an environment
   * variable's value, a credential): a private copy, kept out of the JVM's shared table.
   */
  public Optional<String> uniqueString(String member) {
    return member(member, scalar(Scalars::string, "a string"));
  }

  /** A boolean member. */
  public Optional<Boolean> bool(String member) {
    return member(member, scalar(Scalars::bool, "a boolean"));
  }

  /** An integer member (awsJson's {@code integer}, 32 bits). */
  public Optional<Integer> int32(String member) {
    return member(member, scalar(Scalars::int32, "an integer"));
  }

  /** A long member (awsJson's {@code long}, 64 bits). */
  public Optional<Long> int64(String member) {
    return member(member, scalar(Scalars::int64, "a long"));
  }

  /**
   * A timestamp member: epoch seconds, or an ISO-8601 string. Equal instants within one document are one object,
   * so a decoded build keeps each of its phase boundaries once rather than as one phase's end and the next's start.
   */
  public Optional<Instant> timestamp(String member) {
    return member(member, scalar(Scalars::timestamp, "a timestamp"))
        .map(instant -> instants.computeIfAbsent(instant, same -> same));
  }

  /** A structure member, decoded by {@code decoder}. */
  public <T> Optional<T> object(String member, Function<MemberReader, T> decoder) {
    return object(member).map(decoder);
  }

  /** A structure member that must be there; its absence is a problem like a wrong type. */
  public <T> Optional<T> requiredObject(String member, Function<MemberReader, T> decoder) {
    return requiredObject(member).map(decoder);
  }

  /** A list-of-strings member whose items many builds repeat, each item canonical as in {@link #string(String)}. */
  public SentList<String> strings(String member) {
    return list(member, scalar(json -> Scalars.string(json).map(String::intern), "a string"));
  }

  /** A list-of-strings member whose items are this build's own, as in {@link #uniqueString(String)}. */
  public SentList<String> uniqueStrings(String member) {
    return list(member, scalar(Scalars::string, "a string"));
  }

  /** A list-of-structures member, each item decoded by {@code decoder}. */
  public <T> SentList<T> objects(String member, Function<MemberReader, T> decoder) {
    return list(member, (value, at, item) -> asObject(value, at, item).map(reader -> decoder.apply(reader)));
  }

  // --- a request's reads: the service model's rules, for the checks of the local endpoint

  /** The member's value, absent when missing or JSON null. */
  public Optional<JsonNode> value(String member) {
    JsonNode value = node.get(member);
    return value == null || value.isNull() || failure.happened() ? Optional.empty() : Optional.of(value);
  }

  /** A structure member, as the reader of its members. */
  public Optional<MemberReader> object(String member) {
    return member(member, (value, at, aws) -> asObject(value, at, aws));
  }

  /** A structure member that must be there, as the reader of its members; absent (and recorded) when missing. */
  public Optional<MemberReader> requiredObject(String member) {
    JsonNode value = node.get(member);
    if (!failure.happened() && (value == null || value.isNull())) {
      return failure.fail(new WireError(pathOf(member),
          expected("an object", value == null ? MissingNode.getInstance() : value)), missingMember(member));
    }
    return object(member);
  }

  /** A string member of at least one character. */
  public Optional<String> nonEmpty(String member) {
    return uniqueString(member).flatMap(text -> text.isEmpty()
        ? invalid(member, "''", "Member must have length greater than or equal to 1")
        : Optional.of(text));
  }

  /** A string member of at least one character that must be there. */
  public Optional<String> requiredNonEmpty(String member) {
    return required(member, nonEmpty(member));
  }

  /** A string member that must be there, of any length. */
  public Optional<String> requiredString(String member) {
    return required(member, uniqueString(member));
  }

  /** A boolean member that must be there. */
  public Optional<Boolean> requiredBool(String member) {
    return required(member, bool(member));
  }

  /** A string member within these lengths that matches {@code pattern}. */
  public Optional<String> matching(String member, Pattern pattern, int minLength, int maxLength) {
    return uniqueString(member).flatMap(text -> {
      if (text.length() < minLength) {
        return invalid(member, InvalidMember.shown(text), "Member must have length greater than or equal to "
            + minLength);
      }
      if (text.length() > maxLength) {
        return invalid(member, "", "Member must have length less than or equal to " + maxLength);
      }
      if (!pattern.matcher(text).matches()) {
        return invalid(member, InvalidMember.shown(text), "Member must satisfy regular expression pattern: "
            + pattern.pattern());
      }
      return Optional.of(text);
    });
  }

  /** A string member whose value is one of {@code allowed}. */
  public Optional<String> enumValue(String member, Collection<String> allowed) {
    return uniqueString(member).flatMap(text -> allowed.contains(text)
        ? Optional.of(text)
        : invalid(member, InvalidMember.shown(text), "Member must satisfy enum value set: " + allowed));
  }

  /** A string member whose value is one of {@code allowed}, that must be there. */
  public Optional<String> requiredEnum(String member, Collection<String> allowed) {
    return required(member, enumValue(member, allowed));
  }

  /** A list member whose items are each one of {@code allowed}: an item of another type or value breaks the enum. */
  public Optional<List<String>> enumValues(String member, Collection<String> allowed) {
    return array(member).flatMap(items -> {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (!item.isTextual() || !allowed.contains(item.textValue())) {
          return invalidItem(member, i, item.isTextual() ? InvalidMember.shown(item.textValue()) : "",
              "Member must satisfy enum value set: " + allowed);
        }
        values.add(item.textValue());
      }
      return Optional.of(values);
    });
  }

  /** An integer member within {@code [min, max]}. */
  public Optional<Integer> integer(String member, int min, int max) {
    return member(member, (value, at, aws) -> {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        return wrongType(value, at, aws, "an integer");
      }
      long number = value.longValue();
      if (number < min) {
        return invalid(member, "'" + number + "'", "Member must have value greater than or equal to " + min);
      }
      if (number > max) {
        return invalid(member, "'" + number + "'", "Member must have value less than or equal to " + max);
      }
      return Optional.of((int) number);
    });
  }

  /** A list member, as its JSON items. */
  public Optional<ArrayNode> array(String member) {
    return member(member, (value, at, aws) -> value.isArray()
        ? Optional.of((ArrayNode) value)
        : wrongType(value, at, aws, "a list"));
  }

  /** A list member of at most {@code max} items, each a string. */
  public Optional<List<String>> strings(String member, int max) {
    return array(member).flatMap(items -> {
      if (items.size() > max) {
        return invalid(member, "", "Member must have length less than or equal to " + max);
      }
      List<String> values = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (!item.isTextual()) {
          return wrongType(item, pathOf(member) + "[" + i + "]", itemPath(member, i), "a string");
        }
        values.add(item.textValue());
      }
      return Optional.of(values);
    });
  }

  /** A list member whose items are all objects, as the readers of their members. */
  public Optional<List<MemberReader>> objects(String member) {
    return array(member).flatMap(items -> {
      List<MemberReader> readers = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Optional<MemberReader> item = asObject(items.get(i), pathOf(member) + "[" + i + "]", itemPath(member, i));
        if (item.isEmpty()) {
          return Optional.empty();
        }
        readers.add(item.get());
      }
      return Optional.of(readers);
    });
  }

  /** A list member of {@code min} to {@code max} strings of at least one character each, that must be there. */
  public List<String> requiredStrings(String member, int min, int max) {
    Optional<ArrayNode> sent = required(member, array(member));
    if (sent.isEmpty()) {
      return List.of();
    }
    ArrayNode items = sent.get();
    if (items.size() < min) {
      invalid(member, items.isEmpty() ? "'[]'" : "", "Member must have length greater than or equal to " + min);
      return List.of();
    }
    if (items.size() > max) {
      invalid(member, "", "Member must have length less than or equal to " + max);
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (item.isNull()) {
        invalidItem(member, i, "null", "Member must not be null");
        return List.of();
      }
      if (!item.isTextual()) {
        wrongType(item, pathOf(member) + "[" + i + "]", itemPath(member, i), "a string");
        return List.of();
      }
      if (item.textValue().isEmpty()) {
        invalidItem(member, i, "''", "Member must have length greater than or equal to 1");
        return List.of();
      }
      result.add(item.textValue());
    }
    return result;
  }

  /** Records that a required member is missing: {@code Value null at '<member>' ... Member must not be null}. */
  public <T> Optional<T> missing(String member) {
    return failure.fail(new WireError(pathOf(member), "expected a value, found nothing"), missingMember(member));
  }

  /** Records that a member breaks a rule of the service model: {@code Value <shownValue> at '<member>' ...}. */
  public <T> Optional<T> invalid(String member, String shownValue, String constraint) {
    return failure.fail(new WireError(pathOf(member), constraint),
        new InvalidMember(shownValue, awsPath + member, constraint));
  }

  /** Records that item {@code index} (from 0) of a list member breaks a rule, named {@code <member>.<index+1>.member}. */
  public <T> Optional<T> invalidItem(String member, int index, String shownValue, String constraint) {
    return failure.fail(new WireError(pathOf(member) + "[" + index + "]", constraint),
        new InvalidMember(shownValue, itemPath(member, index), constraint));
  }

  /** "a string", "a number", "a list", ...: what a JSON value is, for messages that must not echo it. */
  public static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.isNull() ? "null" : "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  // --- one read, both styles

  /** One member's value read as a type: the value, or a failure recorded at {@code at} (wire) and {@code aws}. */
  private interface Value<T> {
    Optional<T> read(JsonNode value, String at, String aws);
  }

  private <T> Value<T> scalar(Function<JsonNode, Either<String, T>> conversion, String awsType) {
    return (value, at, aws) -> conversion.apply(value).fold(
        problem -> failure.fail(new WireError(at, problem),
            new InvalidMember("", aws, "Member must be " + awsType + ", not " + describe(value))),
        Optional::of);
  }

  private Optional<MemberReader> asObject(JsonNode value, String at, String aws) {
    return value.isObject()
        ? Optional.of(new MemberReader(value, at, aws + ".", failure, instants))
        : failure.fail(new WireError(at, expected("an object", value)),
            new InvalidMember("", aws, "Member must be an object, not " + describe(value)));
  }

  private <T> Optional<T> wrongType(JsonNode value, String at, String aws, String awsType) {
    String wireType = awsType.equals("a list") ? "an array" : awsType;
    return failure.fail(new WireError(at, expected(wireType, value)),
        new InvalidMember("", aws, "Member must be " + awsType + ", not " + describe(value)));
  }

  private <T> Optional<T> member(String member, Value<T> type) {
    JsonNode value = node.get(member);
    // awsJson omits an absent member; a null from a lenient server means the same
    if (value == null || value.isNull() || failure.happened()) {
      return Optional.empty();
    }
    return type.read(value, pathOf(member), awsPath + member);
  }

  private <T> SentList<T> list(String member, Value<T> itemType) {
    return this.<SentList<T>>member(member, (value, at, aws) -> {
      if (!value.isArray()) {
        return wrongType(value, at, aws, "a list");
      }
      List<T> items = new ArrayList<>(value.size());
      for (int index = 0; index < value.size() && !failure.happened(); index++) {
        // a null item is not "absent": the list cannot hold it, so it reads as the wrong type
        itemType.read(value.get(index), at + "[" + index + "]", aws + "." + (index + 1) + ".member")
            .ifPresent(items::add);
      }
      return Optional.of(new SentList<>(List.copyOf(items), true));
    }).orElseGet(SentList::absent);
  }

  private <T> Optional<T> required(String member, Optional<T> read) {
    return read.isPresent() || failure.happened() ? read : missing(member);
  }

  private InvalidMember missingMember(String member) {
    return new InvalidMember("null", awsPath + member, "Member must not be null");
  }

  private String itemPath(String member, int index) {
    return awsPath + member + "." + (index + 1) + ".member";
  }

  private String pathOf(String member) {
    return path.isEmpty() ? member : path + "." + member;
  }
}
