package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * boto3, a client nobody on this project wrote, against the server: the Python scenario in {@code
 * src/test/python/boto3_scenario.py} creates a project, starts builds, stops one, reads it back, lists, and checks
 * every typed error. Python 3 with boto3 is required: without it this test fails and says how to install it.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
class Boto3AgainstServerTest {
  private static final Path SCENARIO = Path.of("src", "test", "python", "boto3_scenario.py");

  @Test
  void boto3CreatesStartsStopsReadsAndGetsTheTypedErrors() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      Outcome outcome = runScenario(server);

      assertThat(outcome.exitCode()).as("boto3 scenario output:%n%s", outcome.output()).isZero();
      assertThat(outcome.output()).contains("OK 20 checks");
    }
  }

  @Test
  void boto3SignedRequestsPassTheServersSignatureCheck() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().credentials("x", "x").start()) {
      Outcome outcome = runScenario(server);

      assertThat(outcome.exitCode()).as("boto3 scenario output:%n%s", outcome.output()).isZero();
    }
  }

  private record Outcome(int exitCode, String output) {}

  private static Outcome runScenario(CodeBuildServer server) throws IOException, InterruptedException {
    ProcessBuilder python = new ProcessBuilder("python3", SCENARIO.toString(), server.endpoint().toString())
        .redirectErrorStream(true);
    python.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    python.environment().remove("AWS_PROFILE");
    Process process;
    try {
      process = python.start();
    } catch (IOException missing) {
      throw new AssertionError("python3 is required for this test: install Python 3 and 'pip install boto3'",
          missing);
    }
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
      throw new AssertionError("the boto3 scenario did not finish in 120 s:\n" + output);
    }
    if (output.contains("ModuleNotFoundError")) {
      throw new AssertionError("boto3 is required for this test: 'pip install boto3'\n" + output);
    }
    return new Outcome(process.exitValue(), output);
  }
}
