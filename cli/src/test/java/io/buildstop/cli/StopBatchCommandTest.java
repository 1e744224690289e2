package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.cli.internal.AwsCliJson;
import io.buildstop.cli.internal.DemoBuildBatches;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.wire.WireCodec;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("buildstop stop-batch, on the in-memory default (demo batches)")
class StopBatchCommandTest {
  private static final String UNKNOWN = DemoBuildBatches.PROJECT + ":00000000-0000-0000-0000-000000000000";

  /** The batch a run printed, read back as the AWS CLI's reader would: through the wire codec. */
  static BuildBatch printed(Cli.Result result) throws Exception {
    return WireCodec.BUILD_BATCH.decode(new ObjectMapper().readTree(result.out()).get("buildBatch"))
        .getOrElseThrow(problem -> new AssertionError(problem.toString()));
  }

  /** Each group's member status, "never started" for a member without a current build. */
  static Map<String, String> memberStatuses(BuildBatch batch) {
    return batch.buildGroups().stream().collect(Collectors.toMap(group -> group.identifier().orElseThrow(),
        StopBatchCommandTest::memberStatus));
  }

  private static String memberStatus(BuildGroup group) {
    return group.currentBuildSummary().flatMap(summary -> summary.buildStatusAsString()).orElse("never started");
  }

  private static BuildBatch seeded(String id) {
    return DemoBuildBatches.all(Cli.CAPTURE_STOP).stream().map(run -> run.batch())
        .filter(batch -> batch.id().equals(Optional.of(id))).findFirst().orElseThrow();
  }

  @Nested
  @DisplayName("a running demo batch")
  class Running {
    @Test
    void isStoppedAndPrintedAsTheAwsCliPrintsStopBuildBatch() throws Exception {
      Cli.Result result = Cli.run("stop-batch", "--id", DemoBuildBatches.RUNNING);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out())
          .startsWith("{\n    \"buildBatch\": {\n        \"id\": \"" + DemoBuildBatches.RUNNING + "\",\n")
          .contains("        \"buildBatchStatus\": \"STOPPED\",\n")
          .contains("        \"currentPhase\": \"STOPPED\",\n")
          .endsWith("\n    }\n}\n");
      assertThat(result.out()).isEqualTo(AwsCliJson.stopBuildBatchOutput(printed(result)));
    }

    @Test
    void itsRunningMemberStopsWithItAndItsUnstartedMemberNeverRuns() throws Exception {
      assertThat(memberStatuses(seeded(DemoBuildBatches.RUNNING)))
          .containsOnly(Map.entry("build", "IN_PROGRESS"), Map.entry("test", "never started"));

      BuildBatch stopped = printed(Cli.run("stop-batch", "--id", DemoBuildBatches.RUNNING));

      assertThat(stopped.complete()).contains(true);
      assertThat(memberStatuses(stopped))
          .containsOnly(Map.entry("build", "STOPPED"), Map.entry("test", "never started"));
    }

    @Test
    void canBeNamedByItsBuildBatchArn() {
      Cli.Result byId = Cli.run("stop-batch", "--id", DemoBuildBatches.RUNNING);
      Cli.Result byArn = Cli.run("stop-batch", "--id",
          "arn:aws:codebuild:us-west-2:123456789012:build-batch/" + DemoBuildBatches.RUNNING);

      assertThat(byArn).isEqualTo(byId);
    }
  }

  @Nested
  @DisplayName("a finished demo batch")
  class Finished {
    @Test
    void comesBackUnchangedWithItsFinalStatusAndExitZero() throws Exception {
      Cli.Result result = Cli.run("stop-batch", "--id", DemoBuildBatches.SUCCEEDED);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(printed(result)).isEqualTo(seeded(DemoBuildBatches.SUCCEEDED));
      assertThat(result.out()).contains("\"buildBatchStatus\": \"SUCCEEDED\"").doesNotContain("STOPPED");
    }
  }

  @Nested
  @DisplayName("failures, as stop reports them")
  class Failures {
    @Test
    void anUnknownBatchIsResourceNotFound() {
      Cli.Result result = Cli.run("stop-batch", "--id", UNKNOWN);

      assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the "
          + "StopBuildBatch operation: Build batch " + UNKNOWN + " not found\n");
    }

    @Test
    void aMalformedIdIsInvalidInput() {
      for (String id : new String[] {"not-a-batch-id", "",
          "arn:aws:codebuild:us-west-2:123456789012:build/" + DemoBuildBatches.RUNNING}) {
        Cli.Result result = Cli.run("stop-batch", "--id", id);

        assertThat(result.exitCode()).as(id).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).as(id)
            .startsWith("\nAn error occurred (InvalidInputException) when calling the StopBuildBatch operation: ");
      }
    }

    @Test
    void theIdIsRequiredAndTimeoutNeedsWait() {
      Cli.Result noId = Cli.run("stop-batch");
      Cli.Result timeoutAlone = Cli.run("stop-batch", "--timeout", "5s", "--id", DemoBuildBatches.RUNNING);

      assertThat(noId.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(noId.err()).contains("Missing required option: '--id=ID'");
      assertThat(timeoutAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(timeoutAlone.err()).contains("--timeout applies to --wait only");
    }
  }

  @Nested
  @DisplayName("--wait, on the in-memory default, which stops at once")
  class Wait {
    @Test
    void printsTheStoppedBatchAsStopBatchDoes() {
      Cli.Result waited = Cli.run("stop-batch", "--wait", "--id", DemoBuildBatches.RUNNING);

      assertThat(waited.exitCode()).as(waited.toString()).isZero();
      assertThat(waited).isEqualTo(Cli.run("stop-batch", "--id", DemoBuildBatches.RUNNING));
    }

    @Test
    void aFinishedBatchComesBackUnchanged() throws Exception {
      Cli.Result result = Cli.run("stop-batch", "--wait", "--timeout", "5s", "--id", DemoBuildBatches.SUCCEEDED);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(printed(result)).isEqualTo(seeded(DemoBuildBatches.SUCCEEDED));
    }

    @Test
    void failuresAreReportedAsWithoutWait() {
      Cli.Result notFound = Cli.run("stop-batch", "--wait", "--id", UNKNOWN);
      Cli.Result invalid = Cli.run("stop-batch", "--wait", "--id", "not-a-batch-id");

      assertThat(notFound.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(notFound.err()).isEqualTo(Cli.run("stop-batch", "--id", UNKNOWN).err());
      assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(invalid.err()).isEqualTo(Cli.run("stop-batch", "--id", "not-a-batch-id").err());
    }
  }
}
