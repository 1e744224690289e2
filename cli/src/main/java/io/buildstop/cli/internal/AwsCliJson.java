package io.buildstop.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.wire.WireCodec;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A CodeBuild response as AWS CLI v1 prints it with {@code --output json}, byte for byte: botocore reads the wire
 * JSON (numbers with a fraction into Python floats, timestamps kept as they came, since the CLI's default
 * {@code cli_timestamp_format} is {@code wire}), then {@code json.dumps(response, indent=4, ensure_ascii=False)} and a
 * newline. So: four spaces per level, {@code ": "} and {@code ","} as separators, {@code []} and {@code {}} for empty
 * containers, non-ASCII characters as they are, quotes, backslashes and control characters escaped.
 *
 * <p>Members come out in the order of the wire text. botocore orders them by the service model, and the wire
 * encoder writes them in that order, which {@code AwsCliOutputParityTest} checks against the real CLI.
 */
public final class AwsCliJson {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String INDENT = "    ";

  private AwsCliJson() {}

  /** What {@code aws codebuild stop-build} prints when CodeBuild answers with {@code build}. */
  public static String stopBuildOutput(Build build) {
    return print(WireCodec.STOP_BUILD_RESPONSE.encodeToString(build));
  }

  /**
   * What {@code aws codebuild stop-build-batch} prints when CodeBuild answers with {@code batch}: the response
   * {@code {"buildBatch": {...}}}, the batch written by {@link WireCodec#BUILD_BATCH}.
   */
  public static String stopBuildBatchOutput(BuildBatch batch) {
    return print("{\"buildBatch\":" + WireCodec.BUILD_BATCH.encodeToString(batch) + "}");
  }

  /**
   * What the AWS CLI prints for a response whose body is {@code json}.
   *
   * @throws IllegalArgumentException if {@code json} is not one JSON value
   */
  public static String print(String json) {
    Objects.requireNonNull(json, "json");
    StringBuilder out = new StringBuilder();
    try (JsonParser parser = JSON.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IllegalArgumentException("no JSON value");
      }
      value(parser, out, 0);
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    return out.append('\n').toString();
  }

  private static void value(JsonParser parser, StringBuilder out, int depth) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> container(parser, out, depth, JsonToken.END_OBJECT, '{', '}');
      case START_ARRAY -> container(parser, out, depth, JsonToken.END_ARRAY, '[', ']');
      case VALUE_STRING -> string(parser.getText(), out);
      // Python's int prints its digits; a JSON number with a fraction or exponent becomes a float
      case VALUE_NUMBER_INT -> out.append(new BigInteger(parser.getText()));
      case VALUE_NUMBER_FLOAT -> out.append(PythonFloat.repr(Double.parseDouble(parser.getText())));
      case VALUE_TRUE -> out.append("true");
      case VALUE_FALSE -> out.append("false");
      case VALUE_NULL -> out.append("null");
      default -> throw new IllegalArgumentException("unexpected JSON token " + token);
    }
  }

  private static void container(JsonParser parser, StringBuilder out, int depth, JsonToken end, char open,
      char close) throws IOException {
    out.append(open);
    boolean empty = true;
    while (parser.nextToken() != end) {
      out.append(empty ? "\n" : ",\n").append(INDENT.repeat(depth + 1));
      empty = false;
      if (parser.currentToken() == JsonToken.FIELD_NAME) {
        string(parser.currentName(), out);
        out.append(": ");
        parser.nextToken();
      }
      value(parser, out, depth + 1);
    }
    if (!empty) {
      out.append('\n').append(INDENT.repeat(depth));
    }
    out.append(close);
  }

  // json.dumps with ensure_ascii=False escapes exactly these: the quote, the backslash and C0 controls
  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
