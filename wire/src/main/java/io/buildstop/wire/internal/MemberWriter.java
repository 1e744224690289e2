package io.buildstop.wire.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the members of one JSON object by their CodeBuild names, in the order they are written. An absent member
 * is left out, never written as {@code null}; a list is written, even as {@code []}, exactly when it was sent.
 * Not an API.
 */
public final class MemberWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode node = NODES.objectNode();

  private MemberWriter() {}

  /** A writer for a new, empty object. */
  public static MemberWriter create() {
    return new MemberWriter();
  }

  /** The object written so far. */
  public ObjectNode node() {
    return node;
  }

  /** Writes a string member when present. */
  public MemberWriter string(String member, Optional<String> value) {
    value.ifPresent(present -> node.put(member, present));
    return this;
  }

  /** Writes a boolean member when present. */
  public MemberWriter bool(String member, Optional<Boolean> value) {
    value.ifPresent(present -> node.put(member, present.booleanValue()));
    return this;
  }

  /** Writes an integer member when present. */
  public MemberWriter int32(String member, Optional<Integer> value) {
    value.ifPresent(present -> node.put(member, present.intValue()));
    return this;
  }

  /** Writes a long member when present. */
  public MemberWriter int64(String member, Optional<Long> value) {
    value.ifPresent(present -> node.put(member, present.longValue()));
    return this;
  }

  /** Writes a timestamp member when present, as epoch seconds the way AWS prints them. */
  public MemberWriter timestamp(String member, Optional<Instant> value) {
    // DecimalNode directly: the node factory may normalise the BigDecimal, and the literal must stay as computed
    value.ifPresent(present -> node.set(member, DecimalNode.valueOf(EpochSeconds.of(present))));
    return this;
  }

  /** Writes a structure member when present. */
  public <T> MemberWriter object(String member, Optional<T> value, Function<T, ObjectNode> encoder) {
    value.ifPresent(present -> node.set(member, encoder.apply(present)));
    return this;
  }

  /** Writes a list-of-strings member when it was sent. */
  public MemberWriter strings(String member, List<String> items, boolean sent) {
    return list(member, items, sent, NODES::textNode);
  }

  /** Writes a list-of-structures member when it was sent. */
  public <T> MemberWriter objects(String member, List<T> items, boolean sent, Function<T, ObjectNode> encoder) {
    return list(member, items, sent, encoder);
  }

  private <T> MemberWriter list(String member, List<T> items, boolean sent, Function<T, ? extends JsonNode> encoder) {
    if (sent || !items.isEmpty()) {
      ArrayNode array = node.putArray(member);
      items.forEach(item -> array.add(encoder.apply(item)));
    }
    return this;
  }
}
