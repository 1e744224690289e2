package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.Backend;
import io.buildstop.cli.internal.BatchPorts;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.cli.internal.StopReports;
import io.buildstop.cli.internal.TrackedPorts;
import io.buildstop.memory.InMemoryCodeBuild;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.workflows.Outcome;
import io.buildstop.workflows.StopReport;
import io.buildstop.workflows.StopReportLine;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the report stop-superseded and stop-runaway print")
class StopReportsTest {
  private static final Build ANY = Build.builder().build();

  @Test
  void listsTheIdsOfEachOutcomeInTheReportsOrderWithEveryKeyPresent() {
    StopReport report = new StopReport(List.of(
        line("api:6", new Outcome.Stopped<>(ANY)),
        line("api:5", new Outcome.AlreadyComplete<>(ANY)),
        line("api:4", new Outcome.NotFound<>("Build api:4 not found")),
        line("api:3", new Outcome.Failed<>(new StopFailure.Throttled("Rate exceeded"))),
        line("api:2", new Outcome.Stopped<>(ANY)),
        line("api:1", new Outcome.Failed<>(new StopFailure.AccessDenied("AccessDeniedException", "not \"you\"")))));

    assertThat(StopReports.json(report)).isEqualTo(""
        + "{\n"
        + "    \"stopped\": [\n"
        + "        \"api:6\",\n"
        + "        \"api:2\"\n"
        + "    ],\n"
        + "    \"alreadyComplete\": [\n"
        + "        \"api:5\"\n"
        + "    ],\n"
        + "    \"notFound\": [\n"
        + "        \"api:4\"\n"
        + "    ],\n"
        + "    \"failed\": [\n"
        + "        {\n"
        + "            \"id\": \"api:3\",\n"
        + "            \"code\": \"THROTTLED\",\n"
        + "            \"message\": \"Rate exceeded\"\n"
        + "        },\n"
        + "        {\n"
        + "            \"id\": \"api:1\",\n"
        + "            \"code\": \"ACCESS_DENIED\",\n"
        + "            \"message\": \"not \\\"you\\\"\"\n"
        + "        }\n"
        + "    ],\n"
        + "    \"wouldStop\": []\n"
        + "}\n");
  }

  @Test
  void aDryRunListsWhatWouldStop() {
    StopReport report = new StopReport(List.of(line("api:2", new Outcome.WouldStop<>(ANY)),
        line("api:1", new Outcome.WouldStop<>(ANY))));

    assertThat(StopReports.json(report)).isEqualTo(StopSupersededCommandTest.report("", "", "", "",
        StopSupersededCommandTest.ids("api:2", "api:1")));
  }

  @Test
  void anEmptyReportHasEveryKeyWithAnEmptyList() {
    assertThat(StopReports.json(new StopReport(List.of())))
        .isEqualTo(StopSupersededCommandTest.report("", "", "", "", ""))
        .isEqualTo("{\n    \"stopped\": [],\n    \"alreadyComplete\": [],\n    \"notFound\": [],\n"
            + "    \"failed\": [],\n    \"wouldStop\": []\n}\n");
  }

  @Test
  void withBatchesTheBatchesLinesGoUnderBuildBatchesAndTheirFailuresNameStopBuildBatch() {
    StopReport report = new StopReport(List.of(
        line("api:2", new Outcome.Stopped<>(ANY)),
        new StopReportLine(BuildId.parse("api:x1").get(), new Outcome.Failed<>(new StopFailure.Throttled("Rate "
            + "exceeded")), StopReportLine.Kind.BUILD_BATCH)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exitCode = StopReports.finish("stop-superseded", Either.right(report), true,
        new TrackedPorts(inMemory()), Optional.empty(), new PrintWriter(out), new PrintWriter(err));

    assertThat(exitCode).isEqualTo(ExitCodes.THROTTLED);
    assertThat(out.toString()).isEqualTo(StopSupersededCommandTest.report(StopSupersededCommandTest.ids("api:2"), "",
        "", "", "").replaceAll("\n}\n$", "") + ",\n"
        + "    \"buildBatches\": {\n"
        + "        \"stopped\": [],\n"
        + "        \"alreadyComplete\": [],\n"
        + "        \"notFound\": [],\n"
        + "        \"failed\": [\n"
        + "            {\n"
        + "                \"id\": \"api:x1\",\n"
        + "                \"code\": \"THROTTLED\",\n"
        + "                \"message\": \"Rate exceeded\"\n"
        + "            }\n"
        + "        ],\n"
        + "        \"wouldStop\": []\n"
        + "    }\n"
        + "}\n");
    assertThat(err.toString()).isEqualTo("buildstop: stop-superseded: could not stop build batch api:x1: An error "
        + "occurred (ThrottlingException) when calling the StopBuildBatch operation: Rate exceeded\n"
        + "buildstop: stop-superseded: 1 stopped, 0 already complete, 0 not found, 1 failed\n");
  }

  private static StopReportLine line(String id, Outcome<?> outcome) {
    return new StopReportLine(BuildId.parse(id).get(), outcome);
  }

  private static Backend inMemory() {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
    return new Backend(codeBuild, codeBuild, new BatchPorts(codeBuild, codeBuild), Optional.empty(),
        () -> { });
  }
}
