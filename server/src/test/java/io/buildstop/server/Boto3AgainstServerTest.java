package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * boto3, a client nobody on this project wrote, against the server: the Python scenario in {@code
 * src/test/python/boto3_scenario.py} creates a project, starts builds, stops one, reads it back, lists, and checks
 * every typed error. Python 3 with boto3 is required: without it this test fails and says how to install it.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
class Boto3AgainstServerTest {
  private static final String SCENARIO = "boto3_scenario.py";

  @Test
  void boto3CreatesStartsStopsReadsAndGetsTheTypedErrors() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      Boto3Scenario outcome = Boto3Scenario.run(SCENARIO, server);

      assertThat(outcome.exitCode()).as("boto3 scenario output:%n%s", outcome.output()).isZero();
      assertThat(outcome.output()).contains("OK 20 checks");
    }
  }

  @Test
  void boto3SignedRequestsPassTheServersSignatureCheck() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().credentials("x", "x").start()) {
      Boto3Scenario outcome = Boto3Scenario.run(SCENARIO, server);

      assertThat(outcome.exitCode()).as("boto3 scenario output:%n%s", outcome.output()).isZero();
    }
  }
}
