package io.buildstop.wire.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.buildstop.wire.WireError;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.StringWriter;

/** JSON text to a tree and back, with the settings CodeBuild's wire needs. Not an API. */
public final class JsonText {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      // a timestamp such as 1556906973.75 must reach the decoder as the decimal it is, not as the nearest double
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // and as written: an event's member kept as JSON text ("queued-timeout-in-minutes": 480.0) must write back
      // as 480.0, not 480 (docs/build-events.md)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      // "{...} garbage" is not a response: without this Jackson reads the first value and ignores the rest
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // two "buildStatus" members make the document ambiguous; last-one-wins would hide it
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // AWS prints 1556906950, never 1.55690695E+9
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private static final int LONGEST_REASON = 200;

  private JsonText() {}

  /** The tree of {@code text}, or a {@link WireError} at {@link WireError#DOCUMENT} when it is not one JSON value. */
  public static Either<WireError, JsonNode> parse(String text) {
    try {
      JsonNode tree = MAPPER.readTree(text);
      return Either.right(tree == null ? MissingNode.getInstance() : tree);
    } catch (JsonProcessingException e) {
      return Either.left(new WireError(WireError.DOCUMENT, "not JSON: " + reason(e)));
    }
  }

  /** What writes one JSON value to a generator. */
  @FunctionalInterface
  public interface Writing {
    /** Writes the value. */
    void writeTo(JsonGenerator out) throws IOException;
  }

  /** The compact text {@code writing} writes, with the same generator settings as {@link #write(JsonNode)}. */
  public static String write(Writing writing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = MAPPER.createGenerator(text)) {
      writing.writeTo(out);
    } catch (IOException e) {
      // a StringWriter does not fail; reaching here is a bug in what was written
      throw new IllegalStateException("could not write JSON text", e);
    }
    return text.toString();
  }

  /** The compact text of a tree this module built. */
  public static String write(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // A tree of strings, numbers, booleans, objects and arrays always serialises; reaching here is a bug.
      throw new IllegalStateException("could not write a JSON tree", e);
    }
  }

  // Jackson's full message quotes a source excerpt, which may hold a secret; keep its reason and position only.
  private static String reason(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    int newline = original.indexOf('\n');
    // "Unrecognized token '<text>'" quotes the document itself: an unquoted secret would show
    String reason = (newline < 0 ? original : original.substring(0, newline)).replaceAll("token '[^']*'", "token");
    if (reason.length() > LONGEST_REASON) {
      reason = reason.substring(0, LONGEST_REASON) + "...";
    }
    JsonLocation at = e.getLocation();
    return at == null ? reason : reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
