package io.buildstop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The AWS-published responses in {@code shared/spec/fixtures}, beside this repository. */
final class Fixtures {
  private Fixtures() {}

  static String read(String name) {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/spec/fixtures").resolve(name);
      if (Files.isRegularFile(candidate)) {
        try {
          return Files.readString(candidate, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("fixture " + name + " not found in shared/spec/fixtures above " + here
        + ": clone this repository beside shared/, as CI does");
  }

  static String stopBuildCapture() {
    return read("awscli-example-stop-build.json");
  }
}
