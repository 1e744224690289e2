package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * boto3 drives a batch build against the server (issue 18): {@code src/test/python/boto3_batch_scenario.py} starts a
 * batch from a build graph, waits for its first member to run, stops the batch, and checks that the running member
 * stopped by the build stop rules, the unstarted one never ran, a second stop answers the batch unchanged, and
 * BatchGetBuildBatches agrees; then retries the batch in place (retry_build_batch: the member's first attempt in its
 * group's prior summaries, a new build running), deletes it (delete_build_batch: both attempts' builds deleted, the
 * batch and its builds then not found), and deletes a running batch, whose running member is BUILD_IN_PROGRESS. Python 3 with boto3 is required: without it this test fails and says so.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
class Boto3BatchAgainstServerTest {
  private static final String SCENARIO = "boto3_batch_scenario.py";

  @Test
  void boto3StartsStopsRetriesAndDeletesABatch() throws Exception {
    // phases of 400 ms: the batch reaches IN_PROGRESS in about a second, and its first member runs for seconds more,
    // the window in which the scenario stops the batch
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(Duration.ofMillis(400)).start()) {
      Boto3Scenario outcome = Boto3Scenario.run(SCENARIO, server);
      String output = outcome.output();

      assertThat(outcome.exitCode()).as("boto3 batch scenario output:%n%s", output).isZero();
      assertThat(output).contains("OK 42 checks");
    }
  }
}
