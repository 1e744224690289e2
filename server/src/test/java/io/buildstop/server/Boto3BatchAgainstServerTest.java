package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * boto3 drives a batch build against the server (issue 18): {@code src/test/python/boto3_batch_scenario.py} starts a
 * batch from a build graph, waits for its first member to run, stops the batch, and checks that the running member
 * stopped by the build stop rules, the unstarted one never ran, a second stop answers the batch unchanged, and
 * BatchGetBuildBatches agrees. Python 3 with boto3 is required: without it this test fails and says so.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
class Boto3BatchAgainstServerTest {
  private static final Path SCENARIO = Path.of("src", "test", "python", "boto3_batch_scenario.py");

  @Test
  void boto3StartsAndStopsABatchWhoseRunningMemberStopsAndWhoseUnstartedMemberNeverRuns() throws Exception {
    // phases of 400 ms: the batch reaches IN_PROGRESS in about a second, and its first member runs for seconds more,
    // the window in which the scenario stops the batch
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(Duration.ofMillis(400)).start()) {
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
        throw new AssertionError("the boto3 batch scenario did not finish in 120 s:\n" + output);
      }
      if (output.contains("ModuleNotFoundError")) {
        throw new AssertionError("boto3 is required for this test: 'pip install boto3'\n" + output);
      }

      assertThat(process.exitValue()).as("boto3 batch scenario output:%n%s", output).isZero();
      assertThat(output).contains("OK 26 checks");
    }
  }
}
