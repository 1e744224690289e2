package io.buildstop.server.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.buildstop.wire.MemberReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reading request bodies and writing response bodies; one configured mapper for the whole server. */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private Json() {}

  /** A new empty list. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A new empty object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * The request body as a JSON object. An empty body reads as {@code {}}, as AWS's JSON services read it.
   *
   * @throws ServiceError {@code SerializationException} for text that is not one JSON value, or not an object;
   *     the message gives the position, never the offending text (it may hold secrets)
   */
  public static ObjectNode requestObject(byte[] body) {
    if (isBlank(body)) {
      return object();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw ServiceError.serialization("The request body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw ServiceError.serialization("The request body could not be read as JSON");
    }
    if (node == null || !node.isObject()) {
      throw ServiceError.serialization("The request body must be a JSON object, not "
          + (node == null ? "nothing" : MemberReader.describe(node)));
    }
    return (ObjectNode) node;
  }

  /**
   * The request's tree without the object members whose value is JSON {@code null}, at any depth: AWS's JSON
   * protocol reads a null member as absent (spec §1), and responses must never carry one. Items of lists are kept,
   * nulls included, so that a list member's check can refuse them. Changes {@code node} itself and returns it: it
   * is the tree {@link #requestObject} made, which nothing else holds, so a copy would only cost its allocation.
   */
  public static ObjectNode withoutNullMembers(ObjectNode node) {
    node.removeIf(JsonNode::isNull);
    for (JsonNode value : node) {
      withoutNullMembersInside(value);
    }
    return node;
  }

  private static void withoutNullMembersInside(JsonNode node) {
    if (node.isObject()) {
      withoutNullMembers((ObjectNode) node);
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        withoutNullMembersInside(item);
      }
    }
  }

  /**
   * The reply as compact UTF-8 JSON, in this thread's {@link AnswerBuffer}: valid until the thread's next call.
   */
  public static AnswerBuffer write(Reply reply) {
    return write(reply, Integer.MAX_VALUE);
  }

  /**
   * The same, at most {@code limit} bytes of it.
   *
   * @throws AnswerBuffer.TooLarge if the reply is larger
   */
  public static AnswerBuffer write(Reply reply, int limit) {
    AnswerBuffer buffer = AnswerBuffer.ofThisThread(limit);
    try (JsonGenerator out = MAPPER.createGenerator(buffer, JsonEncoding.UTF8)) {
      reply.writeTo(out);
    } catch (IOException e) {
      // writing to memory cannot fail short of a bug (or a string UTF-8 cannot carry)
      throw new UncheckedIOException(e);
    }
    return buffer;
  }

  /**
   * The reply as a tree, for a view that drops members of what a codec writes (the page's events, {@link
   * PageShapes#event}).
   */
  static JsonNode tree(Reply reply) {
    try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
      reply.writeTo(buffer);
      try (JsonParser in = buffer.asParser()) {
        return MAPPER.readTree(in);
      }
    } catch (IOException e) {
      // writing to and reading from memory cannot fail short of a bug
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the tree to {@code out} with this mapper's settings, as it writes a tree on its own. */
  static void writeTree(JsonGenerator out, JsonNode tree) throws IOException {
    MAPPER.writeTree(out, tree);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
