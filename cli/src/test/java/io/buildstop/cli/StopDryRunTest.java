package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.model.Build;
import io.buildstop.junit5.CodeBuildRuntime;
import io.buildstop.junit5.CodeBuildTest;
import io.buildstop.junit5.ExpectCalls;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("buildstop stop --dry-run")
class StopDryRunTest {

  @Test
  void printsTheRunningBuildAsItIsAndSaysAStopWouldStopIt() {
    Cli.Result result = Cli.run("stop", "--dry-run", "--id", DemoBuilds.RUNNING_IN_BUILD);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("{\n    \"build\": {\n        \"id\": \"" + DemoBuilds.RUNNING_IN_BUILD)
        .contains("        \"buildStatus\": \"IN_PROGRESS\",\n", "        \"currentPhase\": \"BUILD\",\n",
            "        \"buildComplete\": false")
        .doesNotContain("STOPPED");
    assertThat(result.err()).isEqualTo("buildstop: dry run: " + DemoBuilds.RUNNING_IN_BUILD + " is IN_PROGRESS in "
        + "phase BUILD: a stop would stop it. Nothing was stopped.\n");
  }

  @Test
  void aCompleteBuildIsPrintedAsItIs() {
    Cli.Result result = Cli.run("stop", "--dry-run", "--id", DemoBuilds.FAILED);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("\"buildStatus\": \"FAILED\"");
    assertThat(result.err()).isEqualTo("buildstop: dry run: " + DemoBuilds.FAILED + " is FAILED in phase COMPLETED: "
        + "it is complete, and a stop would return it unchanged. Nothing was stopped.\n");
  }

  @Test
  void anUnknownOrInvalidIdFailsAsTheReadFails() {
    String unknown = "my-demo-project:00000000-0000-0000-0000-000000000000";
    Cli.Result notFound = Cli.run("stop", "--dry-run", "--id", unknown);
    Cli.Result invalid = Cli.run("stop", "--dry-run", "--id", "not-a-build-id");

    assertThat(notFound.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(notFound.out()).isEmpty();
    assertThat(notFound.err()).isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the "
        + "BatchGetBuilds operation: Build " + unknown + " not found\n");
    assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(invalid.out()).isEmpty();
  }

  @Nested
  @CodeBuildTest(failOnUnexpectedCalls = true)
  class OnAnEndpoint {
    @Test
    @ExpectCalls(operations = "BatchGetBuilds")
    void readsTheBuildAndCallsNothingElse(InMemoryCodeBuild backend, CodeBuildRuntime runtime) {
      String id = backend.startBuild(Build.builder().projectName("api").sourceVersion("main").build())
          .get().id().orElseThrow();

      Cli.Result result = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--dry-run", "--wait", "--id", id,
          "--endpoint-url", runtime.endpoint().toString());

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).contains("\"buildStatus\": \"IN_PROGRESS\"");
      assertThat(result.err()).startsWith("buildstop: dry run: " + id + " is IN_PROGRESS in phase QUEUED: ");
      assertThat(backend.builds()).singleElement()
          .satisfies(build -> assertThat(build.buildStatusAsString()).contains("IN_PROGRESS"));
      assertThat(backend.stopCalls()).isEmpty();
    }
  }
}
