package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.StubCodeBuild.Answer;
import org.junit.jupiter.api.Test;

/**
 * One retry layer per command, so that a failing CodeBuild costs a known number of calls: the workflows' {@code
 * --max-attempts} with the SDK's retries off, or the SDK's own 3 attempts for a single stop. Two layers would
 * multiply (5 workflow attempts of 3 SDK attempts each: 15 calls).
 */
class RetryLayersTest {
  private static final String ID = "api:0d7a8f3e-1b2c-4d5e-8f90-a1b2c3d4e5f6";

  @Test
  void aWorkflowMakesExactlyMaxAttemptsCallsWhenCodeBuildKeepsFailing() throws Exception {
    try (StubCodeBuild codeBuild = StubCodeBuild.answering(
        Answer.error(500, "InternalFailure", "CodeBuild is down"))) {
      Cli.Result result = Cli.run("stop-superseded", "--endpoint-url", codeBuild.url(), "--project", "api",
          "--source-version", "main", "--max-attempts", "3");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
      assertThat(codeBuild.requests()).extracting(StubCodeBuild.Request::target)
          .containsExactly("CodeBuild_20161006.ListBuildsForProject", "CodeBuild_20161006.ListBuildsForProject",
              "CodeBuild_20161006.ListBuildsForProject");
    }
  }

  @Test
  void stopRunawayAlsoLeavesRetriesToItsMaxAttempts() throws Exception {
    try (StubCodeBuild codeBuild = StubCodeBuild.answering(
        Answer.error(400, "ThrottlingException", "Rate exceeded"))) {
      Cli.Result result = Cli.run("stop-runaway", "--endpoint-url", codeBuild.url(), "--project", "api",
          "--older-than", "2h", "--max-attempts", "2");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
      assertThat(codeBuild.requests()).hasSize(2);
    }
  }

  @Test
  void aSingleStopLeavesRetriesToTheSdkThreeAttempts() throws Exception {
    try (StubCodeBuild codeBuild = StubCodeBuild.answering(
        Answer.error(500, "InternalFailure", "CodeBuild is down"))) {
      Cli.Result result = Cli.run("stop", "--endpoint-url", codeBuild.url(), "--id", ID);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
      assertThat(codeBuild.requests()).extracting(StubCodeBuild.Request::target)
          .containsOnly("CodeBuild_20161006.StopBuild").hasSize(3);
    }
  }
}
