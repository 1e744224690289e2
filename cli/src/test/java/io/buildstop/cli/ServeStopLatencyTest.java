package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("buildstop stop --wait against buildstop serve --stop-latency")
class ServeStopLatencyTest {

  @Test
  void waitReturnsTheSettledStoppedBuild() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds", "--stop-latency", "300ms")) {
      String url = serve.endpoint();

      Cli.Result plain = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--endpoint-url", url, "--id",
          DemoBuilds.RUNNING_IN_QUEUED);
      Cli.Result waited = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--wait", "--endpoint-url", url, "--id",
          DemoBuilds.RUNNING_IN_BUILD);

      // the stop is accepted, and its answer still shows the build running (spec §4.9)
      assertThat(plain.exitCode()).as(plain.toString()).isZero();
      assertThat(plain.out()).contains("\"buildStatus\": \"IN_PROGRESS\"");
      assertThat(plain.err()).contains("the stop was accepted, but the build has not completed yet. To wait until "
          + "it has: buildstop stop --wait --endpoint-url " + url + " --id " + DemoBuilds.RUNNING_IN_QUEUED + "\n");
      assertThat(waited.exitCode()).as(waited.toString()).isZero();
      assertThat(waited.err()).isEmpty();
      assertThat(waited.out()).contains("        \"buildStatus\": \"STOPPED\",\n",
          "        \"currentPhase\": \"COMPLETED\",\n", "        \"buildComplete\": true,\n");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void aStopThatOutlastsTheTimeoutExitsEight() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds", "--stop-latency", "1h")) {
      Cli.Result result = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--wait", "--timeout", "500ms",
          "--endpoint-url", serve.endpoint(), "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.STILL_RUNNING);
      assertThat(result.out()).contains("\"buildStatus\": \"IN_PROGRESS\"", "\"currentPhase\": \"BUILD\"");
      assertThat(result.err()).startsWith("buildstop: " + DemoBuilds.RUNNING_IN_BUILD
          + " is still IN_PROGRESS in phase BUILD after 500ms: the stop was accepted");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void aBadLatencyIsAUsageError() {
    Cli.Result result = Cli.run("serve", "--stop-latency", "later");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("buildstop: Invalid value for option '--stop-latency': 'later'");
  }
}
