package io.buildstop.cli;

import io.buildstop.cli.internal.Context;
import io.buildstop.cli.internal.Lifetime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code buildstop} in-process, as its tests do: captured stdout and stderr, a fixed clock, no environment. */
final class Cli {
  /** The instant the AWS CLI's stop-build example stopped its build. */
  static final Instant CAPTURE_STOP = instant("1556906974.781");
  static final Context AT_CAPTURE_STOP =
      new Context(Map.of(), Clock.fixed(CAPTURE_STOP, ZoneOffset.UTC), resource -> resource.close());

  private Cli() {}

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Result run(String... args) {
    return run(AT_CAPTURE_STOP, args);
  }

  static Result run(Context context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = BuildstopCommand.commandLine(context)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** The picocli command line, for tests that need more than {@link #run}. */
  static CommandLine commandLine(Context context) {
    return BuildstopCommand.commandLine(context);
  }

  static Context withEnvironment(Map<String, String> environment) {
    return new Context(environment, AT_CAPTURE_STOP.clock(), AT_CAPTURE_STOP.lifetime());
  }

  static Context withLifetime(Lifetime lifetime) {
    return new Context(Map.of(), AT_CAPTURE_STOP.clock(), lifetime);
  }

  static Instant instant(String epochSeconds) {
    BigDecimal seconds = new BigDecimal(epochSeconds);
    long whole = seconds.longValue();
    return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact());
  }
}
