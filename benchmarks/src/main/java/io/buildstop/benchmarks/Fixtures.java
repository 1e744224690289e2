package io.buildstop.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The published CodeBuild responses in {@code shared/spec/fixtures}: from {@code -Dbuildstop.fixtures=DIR} if set,
 * else {@code ../shared/spec/fixtures} (run from the repository root) or {@code ../../shared/spec/fixtures} (run
 * from this module, as Surefire does).
 */
public final class Fixtures {
  /** The captured {@code aws codebuild batch-get-builds} response. */
  public static final String BATCH_GET_BUILDS = "awscli-example-batch-get-builds.json";
  /** The captured {@code aws codebuild stop-build} response: the typical build's shape. */
  public static final String STOP_BUILD = "awscli-example-stop-build.json";

  private Fixtures() {}

  /** The text of one fixture file. */
  public static String read(String name) {
    Path file = directory().resolve(name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + file.toAbsolutePath(), e);
    }
  }

  static Path directory() {
    String configured = System.getProperty("buildstop.fixtures");
    if (configured != null) {
      return Path.of(configured);
    }
    return List.of(Path.of("../shared/spec/fixtures"), Path.of("../../shared/spec/fixtures")).stream()
        .filter(Files::isDirectory)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "no fixtures in ../shared/spec/fixtures or ../../shared/spec/fixtures from "
                + Path.of("").toAbsolutePath() + "; set -Dbuildstop.fixtures=DIR"));
  }
}
