package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuildBatches;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.model.StatusType;
import io.buildstop.junit5.CodeBuildExtension;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("buildstop stop-superseded --batches")
class StopSupersededBatchesCommandTest {
  private static final String NO_BUILDS = StopSupersededCommandTest.report("", "", "", "", "").replaceAll("\n}\n$",
      "");

  /** The report with batches: the builds' five keys (none here), then "buildBatches" with the batches'. */
  static String reportWithBatches(String stopped, String wouldStop) {
    return NO_BUILDS + ",\n    \"buildBatches\": {\n"
        + "        \"stopped\": " + list(stopped) + ",\n"
        + "        \"alreadyComplete\": [],\n"
        + "        \"notFound\": [],\n"
        + "        \"failed\": [],\n"
        + "        \"wouldStop\": " + list(wouldStop) + "\n"
        + "    }\n}\n";
  }

  private static String list(String... ids) {
    List<String> given = List.of(ids).stream().filter(id -> !id.isEmpty()).toList();
    return given.isEmpty() ? "[]" : "[\n" + String.join(",\n", given.stream()
        .map(id -> "            \"" + id + "\"").toList()) + "\n        ]";
  }

  @Nested
  @DisplayName("on the in-memory default (demo batches)")
  class InMemory {
    @Test
    void stopsTheOlderRunningBatchOfTheBranchAndKeepsTheNewest() {
      Cli.Result result = Cli.run("stop-superseded", "--project", DemoBuildBatches.PROJECT,
          "--source-version", DemoBuildBatches.SOURCE_VERSION, "--batches");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out()).isEqualTo(reportWithBatches(DemoBuildBatches.SUPERSEDED, ""));
    }

    @Test
    void withoutBatchesNothingIsStoppedNotEvenTheBatchesMemberBuilds() {
      Cli.Result result = Cli.run("stop-superseded", "--project", DemoBuildBatches.PROJECT,
          "--source-version", DemoBuildBatches.SOURCE_VERSION);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo(StopSupersededCommandTest.report("", "", "", "", ""));
    }

    @Test
    void aDryRunReportsTheBatchItWouldStop() {
      Cli.Result result = Cli.run("stop-superseded", "--project", DemoBuildBatches.PROJECT,
          "--source-version", DemoBuildBatches.SOURCE_VERSION, "--batches", "--dry-run");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo(reportWithBatches("", DemoBuildBatches.SUPERSEDED));
    }

    @Test
    void olderThanMayNameABatchByItsIdOrArn() {
      String arn = "arn:aws:codebuild:us-west-2:123456789012:build-batch/" + DemoBuildBatches.RUNNING;
      for (String reference : new String[] {DemoBuildBatches.RUNNING, arn}) {
        Cli.Result result = Cli.run("stop-superseded", "--project", DemoBuildBatches.PROJECT,
            "--source-version", DemoBuildBatches.SOURCE_VERSION, "--batches", "--older-than", reference);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(reportWithBatches(DemoBuildBatches.SUPERSEDED, ""));
      }
      Cli.Result oldest = Cli.run("stop-superseded", "--project", DemoBuildBatches.PROJECT,
          "--source-version", DemoBuildBatches.SOURCE_VERSION, "--batches", "--older-than",
          DemoBuildBatches.SUPERSEDED);
      assertThat(oldest.out()).isEqualTo(reportWithBatches("", ""));
    }
  }

  @Nested
  @DisplayName("against a local endpoint, through the aws backend")
  class ThroughTheAwsBackend {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void stopsTheOlderRunningBatchOfTheBranchAndKeepsTheNewest() {
      String older = codeBuild.startRunningBatch("api", "main");
      String newer = codeBuild.startRunningBatch("api", "main");
      String otherBranch = codeBuild.startRunningBatch("api", "feature");

      Cli.Result result = codeBuild.run("stop-superseded", "--project", "api", "--source-version", "main",
          "--batches");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(codeBuild.batch(older).buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(codeBuild.batch(newer).buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(codeBuild.batch(otherBranch).buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(result.out()).contains("\"buildBatches\"").contains(older).doesNotContain(newer);
    }
  }
}
