package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.cli.internal.Lifetime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("buildstop serve")
class ServeCommandTest {
  private static final Pattern ANNOUNCEMENT =
      Pattern.compile("buildstop: CodeBuild endpoint at (http://127\\.0\\.0\\.1:[0-9]+)\n");

  /** A {@code buildstop serve} running on a thread of its own until the test ends it. */
  private static final class Serving implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CountDownLatch shutdown = new CountDownLatch(1);
    final CompletableFuture<Integer> exitCode;

    Serving(String... args) {
      Lifetime untilTestEnds = resource -> {
        try {
          shutdown.await();
        } finally {
          resource.close();
        }
      };
      exitCode = CompletableFuture.supplyAsync(() -> Cli.commandLine(
              new io.buildstop.cli.internal.Context(Map.of(), Clock.systemUTC(), untilTestEnds))
          .setOut(new PrintWriter(out, true))
          .setErr(new PrintWriter(err, true))
          .execute(args));
    }

    String endpoint() throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline && !exitCode.isDone()) {
        Matcher matcher = ANNOUNCEMENT.matcher(out.toString());
        if (matcher.matches()) {
          return matcher.group(1);
        }
        Thread.sleep(20);
      }
      throw new AssertionError("serve did not announce its endpoint; stdout: " + out + " stderr: " + err);
    }

    int stop() throws Exception {
      shutdown.countDown();
      return exitCode.get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      shutdown.countDown();
    }
  }

  @Test
  void announcesItsEndpointServesTheDemoBuildsAndEndsCleanly() throws Exception {
    try (Serving serve = new Serving("serve", "--port", "0", "--demo-builds")) {
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
    try (Serving serve = new Serving("serve")) {
      Cli.Result result = Cli.run("stop", "--endpoint-url", serve.endpoint(), "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.err()).isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the "
          + "StopBuild operation: Build " + DemoBuilds.RUNNING_IN_BUILD + " not found\n");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void withAccessKeysRefusesCallsSignedWithOthers() throws Exception {
    try (Serving serve = new Serving("serve", "--demo-builds", "--access-key", "AKIDLOCAL", "--secret-key", "s3cr3t")) {
      // no credentials configured for the SDK here: buildstop signs with its dummy key, which the endpoint refuses
      Cli.Result result = Cli.run("stop", "--endpoint-url", serve.endpoint(), "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ACCESS_DENIED);
      assertThat(result.err()).startsWith("\nAn error occurred (UnrecognizedClientException) when calling the "
          + "StopBuild operation: ");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void aPortThatCannotBeUsedIsAUsageError() throws Exception {
    try (Serving first = new Serving("serve")) {
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
