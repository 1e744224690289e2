package io.buildstop.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a boto3 scenario of {@code src/test/python} against a server, with no AWS profile or instance metadata in
 * reach; a missing Python 3 or boto3 fails with how to install it.
 *
 * @param exitCode the scenario's exit code: 0 when every check held
 * @param output what it printed, one line per check
 */
record Boto3Scenario(int exitCode, String output) {
  private static final long TIMEOUT_SECONDS = 120;

  static Boto3Scenario run(String script, CodeBuildServer server) throws IOException, InterruptedException {
    Path scenario = Path.of("src", "test", "python", script);
    ProcessBuilder python = new ProcessBuilder("python3", scenario.toString(), server.endpoint().toString())
        .redirectErrorStream(true);
    python.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    python.environment().remove("AWS_PROFILE");
    // the scenarios import their shared checks: no __pycache__ written into the source tree
    python.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process;
    try {
      process = python.start();
    } catch (IOException missing) {
      throw new AssertionError("python3 is required for this test: install Python 3 and 'pip install boto3'",
          missing);
    }
    boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
      throw new AssertionError("the boto3 scenario " + script + " did not finish in " + TIMEOUT_SECONDS + " s:\n"
          + output);
    }
    if (output.contains("ModuleNotFoundError")) {
      throw new AssertionError("boto3 is required for this test: 'pip install boto3'\n" + output);
    }
    return new Boto3Scenario(process.exitValue(), output);
  }
}
