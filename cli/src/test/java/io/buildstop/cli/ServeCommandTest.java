package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.cli.internal.Lifetime;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("buildstop serve")
class ServeCommandTest {
  @Test
  void announcesItsEndpointServesTheDemoBuildsAndEndsCleanly() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--port", "0", "--demo-builds")) {
      String endpoint = serve.endpoint();

      Cli.Result first = Cli.run("stop", "--endpoint-url", endpoint, "--id", DemoBuilds.RUNNING_IN_BUILD);
      Cli.Result second = Cli.run("stop", "--endpoint-url", endpoint, "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(first.out()).contains("\"buildStatus\": \"STOPPED\"", "\"currentPhase\": \"COMPLETED\"",
          "\"buildComplete\": true");
      // the endpoint keeps its builds between calls: the second stop finds the build stopped (spec §4.4)
      assertThat(second).isEqualTo(first);
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
      assertThat(serve.err.toString()).isEmpty();
    }
  }

  @Test
  void startsEmptyWithoutDemoBuilds() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve")) {
      Cli.Result result = Cli.run("stop", "--endpoint-url", serve.endpoint(), "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.err()).isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the "
          + "StopBuild operation: Build " + DemoBuilds.RUNNING_IN_BUILD + " not found\n");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void withAccessKeysRefusesCallsSignedWithOthers() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds", "--access-key", "AKIDLOCAL", "--secret-key", "s3cr3t")) {
      // no credentials configured for the SDK here: buildstop signs with its dummy key, which the endpoint refuses
      Cli.Result result = Cli.run("stop", "--endpoint-url", serve.endpoint(), "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ACCESS_DENIED);
      assertThat(result.err()).startsWith("\nAn error occurred (UnrecognizedClientException) when calling the "
          + "StopBuild operation: ");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void onShutdownARequestInFlightIsAnsweredBeforeServeEnds() throws Exception {
    String body = "{\"sortOrder\": \"ASCENDING\"}";
    try (InProcessServe serve = new InProcessServe("serve", "--shutdown-timeout", "30s")) {
      int port = Integer.parseInt(serve.endpoint().replaceAll(".*:", ""));
      try (Socket inFlight = new Socket("127.0.0.1", port)) {
        OutputStream out = inFlight.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "X-Amz-Target: CodeBuild_20161006.ListBuilds\r\nContent-Length: " + body.length() + "\r\n\r\n"
            + body.substring(0, 5)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(300); // lets the server's dispatcher hand the request to a worker; no assertion on time

        // as SIGTERM does: the shutdown hook closes what serve runs
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> {
          try {
            return serve.stop();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        awaitRefused(port);
        out.write(body.substring(5).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        inFlight.setSoTimeout(20_000);
        byte[] answer = inFlight.getInputStream().readNBytes(15);

        assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(exitCode.get(20, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
      }
    }
  }

  private static void awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        new Socket("127.0.0.1", port).close();
      } catch (IOException refused) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("serve still accepted connections 20 s after the shutdown began");
  }

  @Test
  void aPortThatCannotBeUsedIsAUsageError() throws Exception {
    try (InProcessServe first = new InProcessServe("serve")) {
      String port = first.endpoint().replaceAll(".*:", "");

      Cli.Result second = Cli.run("serve", "--port", port);

      assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(second.err()).startsWith("buildstop: cannot bind 127.0.0.1:" + port);
      assertThat(Cli.run("serve", "--port", "70000").exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(Cli.run("serve", "--access-key", "only-the-key").exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(Cli.run("serve", "--lifecycle", "soon").err()).contains("500ms, 5s, 10m, 1h or PT5S");
      assertThat(first.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void itsBoundsAreOptionsAndItsStatusPathShowsThem() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds", "--max-builds", "50",
        "--max-build-batches", "3", "--max-projects", "7")) {
      HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(serve.endpoint() + "/_buildstop/status")).GET().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"maxBuilds\":50", "\"maxProjects\":7", "\"evictedBuilds\":0",
          "\"maxBuildBatches\":3", "\"buildBatches\":3",
          // the six demo builds and the four started members of the demo batches
          "\"builds\":10");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void aBoundBelowOneIsAUsageError() {
    for (String option : new String[] {"--max-builds", "--max-build-batches", "--max-projects"}) {
      for (String value : new String[] {"0", "-1", "many"}) {
        Cli.Result result = Cli.run("serve", option, value);

        assertThat(result.exitCode()).as(option + " " + value + ": " + result).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).as(option + " " + value).startsWith("buildstop: ").doesNotContain("Exception:");
      }
    }
  }

  @Test
  void anOutOfMemoryErrorInTheEndpointEndsServeWithTheReasonAndExitOne() throws Exception {
    OutOfMemoryClock clock = new OutOfMemoryClock();
    try (InProcessServe serve = new InProcessServe(clock, Map.of(), "serve", "--demo-builds")) {
      String endpoint = serve.endpoint();
      clock.armed = true;
      long started = System.nanoTime();

      // the stop reads the clock, which now fails as a JVM out of memory does; the client's fate is beside the point
      Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--endpoint-url", endpoint, "--api-call-timeout", "5s", "--id",
          DemoBuilds.RUNNING_IN_BUILD);

      assertThat(serve.exitCode()).isEqualTo(ExitCodes.UNEXPECTED);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
      assertThat(serve.err.toString()).isEqualTo("buildstop: serve: the endpoint stopped on a fatal error: "
          + "java.lang.OutOfMemoryError: simulated: Java heap space\n");
    }
  }

  /** The system clock, until armed: then every read fails as a JVM out of memory does. */
  private static final class OutOfMemoryClock extends Clock {
    volatile boolean armed;

    @Override
    public Instant instant() {
      if (armed) {
        throw new OutOfMemoryError("simulated: Java heap space");
      }
      return Instant.now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void anUnexpectedFailurePrintsOneLineAndExitsOne() {
    Lifetime broken = resource -> {
      resource.close();
      throw new IllegalStateException("the lifetime broke");
    };

    Cli.Result result = Cli.run(Cli.withLifetime(broken), "serve");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.UNEXPECTED).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("buildstop: unexpected error: java.lang.IllegalStateException: the lifetime broke\n");
  }
}
