package io.buildstop.cli;

import io.buildstop.cli.internal.Context;
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

/** {@code buildstop serve} with these arguments, in-process on a thread of its own, until the test ends it. */
final class InProcessServe implements AutoCloseable {
  // the first line serve prints; the page's follows it
  private static final Pattern ANNOUNCEMENT =
      Pattern.compile("buildstop: CodeBuild endpoint at (http://127\\.0\\.0\\.1:[0-9]+)\n");
  private static final Pattern PAGE = Pattern.compile(
      "buildstop: CodeBuild endpoint at http://127\\.0\\.0\\.1:[0-9]+\nbuildstop: page at (\\S+)\n");

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private final CompletableFuture<Integer> exitCode;

  InProcessServe(String... args) {
    this(Map.of(), args);
  }

  /** With these environment variables. */
  InProcessServe(Map<String, String> environment, String... args) {
    this(Clock.systemUTC(), environment, args);
  }

  /** On this clock, with these environment variables. */
  InProcessServe(Clock clock, Map<String, String> environment, String... args) {
    Lifetime untilTestEnds = resource -> {
      try {
        shutdown.await();
      } finally {
        resource.close();
      }
    };
    exitCode = CompletableFuture.supplyAsync(() -> Cli.commandLine(
            new Context(environment, clock, untilTestEnds))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args));
  }

  /** The URL serve announced on stdout. */
  String endpoint() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && !exitCode.isDone()) {
      Matcher matcher = ANNOUNCEMENT.matcher(out.toString());
      if (matcher.lookingAt()) {
        return matcher.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("serve did not announce its endpoint; stdout: " + out + " stderr: " + err);
  }

  /** The page's URL serve announced on stdout, on the line after the endpoint's. */
  String page() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && !exitCode.isDone()) {
      Matcher matcher = PAGE.matcher(out.toString());
      if (matcher.matches()) {
        return matcher.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("serve did not announce its page; stdout: " + out + " stderr: " + err);
  }

  /** Serve's exit code, once it has ended on its own. */
  int exitCode() throws Exception {
    return exitCode.get(20, TimeUnit.SECONDS);
  }

  /** Ends serve as a signal would; its exit code. */
  int stop() throws Exception {
    shutdown.countDown();
    return exitCode.get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    shutdown.countDown();
  }
}
