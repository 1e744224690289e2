package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.junit5.CodeBuildExtension;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code buildstop stop-batch --endpoint-url URL} against a local endpoint ({@code buildstop serve}'s, from the
 * JUnit 5 extension), whose in-memory backend the test seeds and reads directly. The command reaches an endpoint
 * through the AWS backend, whose batch ports {@code BackendOptions.batchPorts} gives: not in this build yet.
 */
@DisplayName("buildstop stop-batch against a local endpoint")
class StopBatchAgainstServeTest {
  @RegisterExtension
  final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().build();
  private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

  @Test
  void stopsARunningBatchThenReturnsItUnchangedAndTheEndpointAgrees() throws Exception {
    String id = codeBuild.startRunningBatch("api");

    Cli.Result first = codeBuild.run("stop-batch", "--id", id);
    Cli.Result second = codeBuild.run("stop-batch", "--id", id);

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.err()).isEmpty();
    BuildBatch stopped = StopBatchCommandTest.printed(first);
    assertThat(stopped.buildBatchStatus()).contains(StatusType.STOPPED);
    assertThat(StopBatchCommandTest.memberStatuses(stopped))
        .containsOnly(Map.entry("build", "STOPPED"), Map.entry("test", "never started"));
    assertThat(second).isEqualTo(first);
    assertThat(codeBuild.batch(id)).isEqualTo(stopped);
  }

  @Test
  void waitsUntilTheBatchIsCompleteAndReportsFailuresAsCodeBuildGivesThem() throws Exception {
    String id = codeBuild.startRunningBatch("api");
    String unknown = "api:00000000-0000-0000-0000-000000000000";

    Cli.Result waited = codeBuild.run("stop-batch", "--wait", "--timeout", "20s", "--id", id);
    Cli.Result notFound = codeBuild.run("stop-batch", "--id", unknown);
    Cli.Result invalid = codeBuild.run("stop-batch", "--id", "not-a-batch-id");

    assertThat(waited.exitCode()).as(waited.toString()).isZero();
    assertThat(StopBatchCommandTest.printed(waited).complete()).contains(true);
    assertThat(notFound.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(notFound.err()).startsWith("\nAn error occurred (ResourceNotFoundException) when calling the "
        + "StopBuildBatch operation: ");
    assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(invalid.err()).startsWith("\nAn error occurred (InvalidInputException) when calling the "
        + "StopBuildBatch operation: ");
  }
}
