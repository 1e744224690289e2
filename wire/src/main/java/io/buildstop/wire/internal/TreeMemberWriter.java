package io.buildstop.wire.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The members written into a new Jackson object tree. */
final class TreeMemberWriter extends MemberWriter {

  private final ObjectNode node = JsonNodeFactory.instance.objectNode();

  ObjectNode node() {
    return node;
  }

  @Override
  void putString(String member, String value) {
    node.put(member, value);
  }

  @Override
  void putJson(String member, JsonNode value) {
    node.set(member, value);
  }

  @Override
  void putBoolean(String member, boolean value) {
    node.put(member, value);
  }

  @Override
  void putInt(String member, int value) {
    node.put(member, value);
  }

  @Override
  void putLong(String member, long value) {
    node.put(member, value);
  }

  @Override
  void putTimestamp(String member, Instant value) {
    // DecimalNode directly: the node factory may normalise the BigDecimal, and the literal must stay as computed
    node.set(member, DecimalNode.valueOf(EpochSeconds.of(value)));
  }

  @Override
  <T> void putObject(String member, T value, Encoder<T> encoder) {
    node.set(member, tree(value, encoder));
  }

  @Override
  void putStrings(String member, List<String> items) {
    ArrayNode array = node.putArray(member);
    for (String item : items) {
      array.add(item);
    }
  }

  @Override
  <T> void putObjects(String member, List<T> items, Encoder<T> encoder) {
    ArrayNode array = node.putArray(member);
    for (T item : items) {
      array.add(tree(item, encoder));
    }
  }
}
