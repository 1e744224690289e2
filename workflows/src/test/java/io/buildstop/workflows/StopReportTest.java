package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's counts and the lines the CLI prints. */
class StopReportTest {
  private static final Build BUILD = Build.builder().id("pr:1").build();
  private static final StopReport REPORT = new StopReport(List.of(
      new StopReportLine(id("pr:1"), new Outcome.Stopped<>(BUILD)),
      new StopReportLine(id("pr:2"), new Outcome.Stopped<>(BUILD)),
      new StopReportLine(id("pr:3"), new Outcome.AlreadyComplete<>(BUILD)),
      new StopReportLine(id("pr:4"), new Outcome.Failed<>(new StopFailure.Throttled("Rate exceeded")))));

  @Test
  void countsEveryOutcomeAndSaysWhichFailed() {
    assertThat(REPORT.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
        Outcome.Code.STOPPED, 2L, Outcome.Code.ALREADY_COMPLETE, 1L, Outcome.Code.NOT_FOUND, 0L,
        Outcome.Code.FAILED, 1L, Outcome.Code.WOULD_STOP, 0L));
    assertThat(REPORT.failures()).extracting(StopReportLine::id).containsExactly(id("pr:4"));
    assertThat(REPORT.hasFailures()).isTrue();
    assertThat(new StopReport(List.of()).hasFailures()).isFalse();
  }

  @Test
  void printsASummaryAndOneLinePerBuild() {
    assertThat(REPORT.summary()).isEqualTo("2 stopped, 1 already complete, 0 not found, 1 failed");
    assertThat(REPORT.lines().get(3)).hasToString("pr:4 FAILED THROTTLED: Rate exceeded");
    assertThat(REPORT.lines().get(0)).hasToString("pr:1 STOPPED");
    assertThat(new StopReport(List.of(new StopReportLine(id("pr:5"), new Outcome.WouldStop<>(BUILD)))).summary())
        .isEqualTo("0 stopped, 0 already complete, 0 not found, 0 failed, 1 would stop");
  }

  private static BuildId id(String value) {
    return BuildId.parse(value).get();
  }
}
