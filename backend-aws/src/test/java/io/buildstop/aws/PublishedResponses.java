package io.buildstop.aws;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The responses AWS publishes ({@code shared/spec/fixtures/}), as bytes. Surefire runs in the module directory, so
 * they sit at {@code ../../shared/spec/fixtures}; {@code -Dbuildstop.fixtures=DIR} points elsewhere.
 */
final class PublishedResponses {
  private PublishedResponses() {}

  static final String STOP_BUILD = "awscli-example-stop-build.json";
  static final String START_BUILD = "awscli-example-start-build.json";
  static final String BATCH_GET_BUILDS = "awscli-example-batch-get-builds.json";
  static final String RETRY_BUILD = "awscli-example-retry-build.json";

  /** The fixture's bytes, exactly; fails the test, saying where it looked, when the file is not there. */
  static byte[] bytesOf(String fixture) {
    Path directory = Path.of(System.getProperty("buildstop.fixtures",
        Path.of("..", "..", "shared", "spec", "fixtures").toString()));
    Path file = directory.resolve(fixture);
    if (!Files.isRegularFile(file)) {
      fail("the published AWS response " + fixture + " is missing: looked for " + file.toAbsolutePath().normalize()
          + " (shared/spec/fixtures beside the checkout; -Dbuildstop.fixtures=DIR points elsewhere)");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each build of the BatchGetBuilds capture as a StopBuild response, {@code {"build": <its bytes>}}. */
  static List<byte[]> batchGetBuildsAsStopBuildResponses() {
    String json = new String(bytesOf(BATCH_GET_BUILDS), StandardCharsets.UTF_8);
    List<byte[]> responses = new ArrayList<>();
    for (String build : objectsOfArray(json, "builds")) {
      responses.add(("{\"build\": " + build + "}").getBytes(StandardCharsets.UTF_8));
    }
    return responses;
  }

  // The objects of the array member `name`, each cut out of the text verbatim (no parse, no reformatting: the
  // numbers must reach the SDK exactly as AWS wrote them).
  static List<String> objectsOfArray(String json, String name) {
    int at = json.indexOf("\"" + name + "\"");
    if (at < 0) {
      throw new IllegalArgumentException("no member " + name);
    }
    int i = json.indexOf('[', at) + 1;
    List<String> objects = new ArrayList<>();
    while (true) {
      while (Character.isWhitespace(json.charAt(i)) || json.charAt(i) == ',') {
        i++;
      }
      if (json.charAt(i) == ']') {
        return objects;
      }
      int end = endOfObject(json, i);
      objects.add(json.substring(i, end));
      i = end;
    }
  }

  private static int endOfObject(String json, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("unterminated object at " + start);
  }
}
