package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * boto3 calls the operations a suite that cleans up or retries calls (issue 19) against the server: {@code
 * src/test/python/boto3_operations_scenario.py} retries a stopped build (the answer has every member of the AWS CLI's
 * retry-build capture, a new id and number, IN_PROGRESS in QUEUED, the configuration carried over) and is refused a
 * running one; deletes a finished and a running build (BUILD_IN_PROGRESS); updates a project (running builds keep
 * their snapshot, new ones use the change); lists projects sorted and paged; deletes a project (its builds stay, its
 * listing is not found). Python 3 with boto3 is required: without it this test fails and says so.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
class Boto3OperationsAgainstServerTest {
  private static final String SCENARIO = "boto3_operations_scenario.py";

  @Test
  void boto3RetriesDeletesUpdatesListsAndDeletesProjectsInCodeBuildsShapes() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      Boto3Scenario outcome = Boto3Scenario.run(SCENARIO, server);
      String output = outcome.output();

      assertThat(outcome.exitCode()).as("boto3 operations scenario output:%n%s", output).isZero();
      assertThat(output).contains("OK 37 checks");
    }
  }
}
