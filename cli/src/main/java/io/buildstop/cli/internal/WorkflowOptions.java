package io.buildstop.cli.internal;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How a multi-build command ({@code stop-superseded}, {@code stop-runaway}) stops: dry run, concurrency, retries. */
public final class WorkflowOptions {
  /** Stops at once by default, as the workflows. */
  public static final int DEFAULT_CONCURRENCY = 4;
  /** Calls per stop or read by default, as the workflows: the first and four retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--dry-run",
      description = "Read the builds and report the ones that would be stopped (\"wouldStop\"); stop nothing.")
  boolean dryRun;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + DEFAULT_CONCURRENCY,
      description = "Stop at most N builds at once (default: ${DEFAULT-VALUE}).")
  int concurrency = DEFAULT_CONCURRENCY;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_ATTEMPTS,
      description = "Calls per stop or read while CodeBuild throttles or fails (5xx), with backoff from 200ms "
          + "doubling to 10s (default: ${DEFAULT-VALUE}). The only retries: the aws backend's SDK makes one "
          + "attempt per call here, so N bounds the HTTP requests per stop.")
  int maxAttempts = DEFAULT_MAX_ATTEMPTS;

  /** Whether to stop nothing. */
  public boolean dryRun() {
    return dryRun;
  }

  /**
   * Stops at once, at least 1.
   *
   * @throws ParameterException below 1: a usage error
   */
  public int concurrency() {
    return atLeastOne("--concurrency", concurrency);
  }

  /**
   * Calls per stop or read, at least 1.
   *
   * @throws ParameterException below 1: a usage error
   */
  public int maxAttempts() {
    return atLeastOne("--max-attempts", maxAttempts);
  }

  private int atLeastOne(String option, int value) {
    if (value < 1) {
      throw new ParameterException(mixee.commandLine(), option + " must be at least 1 (got " + value + ")");
    }
    return value;
  }
}
