package io.buildstop.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A source root the generators write into. A file whose text is unchanged is not rewritten, so that an incremental
 * build sees no change; files of an earlier run that this one did not write are deleted.
 */
final class Output {
  private final Path root;
  private final java.util.Set<Path> written = new java.util.HashSet<>();

  Output(Path root) {
    this.root = root;
  }

  void write(String packageName, String fileName, String text) {
    Path file = root.resolve(packageName.replace('.', '/')).resolve(fileName);
    written.add(file);
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        return;
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the files under the root that this run did not write (a shape that left the model). */
  void deleteStale() {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!written.contains(file)) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
