package io.buildstop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  @Test
  void theEmbeddingExampleStopsTheBuildItStarted() {
    assertThat(EmbeddingExample.run())
        .startsWith("my-demo-project:")
        .endsWith(" is STOPPED in phase COMPLETED, complete: true");
  }

  @Test
  void theReadmeShowsTheEmbeddingExampleAsItCompilesWithItsImports() throws IOException {
    String source = Files.readString(Path.of("src/main/java/io/buildstop/examples/EmbeddingExample.java"));
    String snippet = source.substring(
        source.indexOf('\n', source.indexOf("// README:begin")) + 1, source.indexOf("    // README:end"));
    String imports = source.lines().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains(imports + "\n\n" + snippet.stripTrailing().stripIndent());
  }

  @Test
  void theMainJobPrintsAStoppedBuild() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    boolean asSpecified = StopBuildDemo.run(
        new PrintStream(printed, true, StandardCharsets.UTF_8),
        Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));

    assertThat(asSpecified).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("buildStatus:   STOPPED", "currentPhase:  COMPLETED", "buildComplete: true")
        .contains("BUILD             STOPPED")
        .contains("RESOURCE_NOT_FOUND: Build my-demo-project:00000000-0000-0000-0000-000000000000 not found");
  }
}
