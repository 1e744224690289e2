package io.buildstop.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.buildstop.domain.model.Build;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The responses AWS publishes in the CLI's examples, captured in {@code shared/spec/fixtures}. */
final class Fixtures {

  static final String STOP_BUILD = "awscli-example-stop-build.json";
  static final String START_BUILD = "awscli-example-start-build.json";
  static final String RETRY_BUILD = "awscli-example-retry-build.json";
  static final String BATCH_GET_BUILDS = "awscli-example-batch-get-builds.json";

  /** Reads numbers as the decimals they are written as, so that trees compare by exact value. */
  static final JsonMapper EXACT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /** Numbers by decimal value (0 equals 0.0, an int equals a long); everything else by JSON equality. */
  static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
      ? a.decimalValue().compareTo(b.decimalValue())
      : a.equals(b) ? 0 : 1;

  private Fixtures() {}

  /**
   * The fixtures folder: the repository is cloned as {@code <x>/main} with {@code <x>/shared} beside it, and
   * Surefire runs in the module's folder, {@code <x>/main/wire}.
   */
  static Path directory() {
    Path directory = Path.of("..", "..", "shared", "spec", "fixtures").toAbsolutePath().normalize();
    if (!Files.isDirectory(directory)) {
      throw new AssertionError("The captured CodeBuild responses are missing: expected the folder " + directory
          + " (the repository must be cloned as <x>/main with <x>/shared beside it, and the tests run from the"
          + " wire module's folder)");
    }
    return directory;
  }

  /** Every captured response, by file name. */
  static List<String> names() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String text) {
    try {
      return EXACT.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The build a {@code {"build": ...}} capture carries; fails the test when it does not decode. */
  static Build build(String name) {
    return WireCodec.STOP_BUILD_RESPONSE.decode(text(name))
        .getOrElseThrow(error -> new AssertionError(name + " does not decode: " + error));
  }

  /** Every number literal in the text, exactly as written, by its JSON pointer. */
  static Map<String, String> numberLiterals(String text) {
    Map<String, String> literals = new LinkedHashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          literals.put(parser.getParsingContext().pathAsPointer().toString(), parser.getText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return literals;
  }

  /** Whether any timestamp member in the tree is an ISO-8601 string rather than epoch seconds. */
  static boolean hasTextTimestamps(JsonNode tree) {
    return Stream.of("startTime", "endTime")
        .flatMap(member -> tree.findValues(member).stream())
        .anyMatch(JsonNode::isTextual);
  }
}
