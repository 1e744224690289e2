package io.buildstop.cli.internal;

import io.buildstop.domain.StopFailure;

/**
 * The exit status of every {@code buildstop} command, one per outcome a script may want to branch on. Usage errors
 * keep the status 2 that picocli, argparse and the AWS CLI give them, so it is never mistaken for a build id that
 * CodeBuild rejected (3).
 */
public final class ExitCodes {
  /**
   * The command did what was asked; for {@code stop}, also when the build was already complete (spec §4.3), and when
   * the stop was accepted but the build is still finishing it (spec §4.9; stderr gives the {@code --wait} command).
   */
  public static final int OK = 0;
  /** Something failed that buildstop did not expect: a bug. One line on stderr says what. */
  public static final int UNEXPECTED = 1;
  /** The command line, or what it asks of the environment (a region, a free port), does not work; nothing was done. */
  public static final int USAGE = 2;
  /** {@code InvalidInputException}: the id cannot be a build id (spec §4.7); nothing changed. */
  public static final int INVALID_INPUT = 3;
  /** {@code ResourceNotFoundException}: no build has this id (spec §4.6); nothing changed. */
  public static final int NOT_FOUND = 4;
  /** {@code ThrottlingException} after the SDK's retries: retry later. */
  public static final int THROTTLED = 5;
  /** {@code AccessDeniedException} or credentials CodeBuild does not accept: retrying will not help. */
  public static final int ACCESS_DENIED = 6;
  /** No answer could be had or read (unreachable, timed out, 5xx): whether the build stopped is unknown; retry. */
  public static final int UNAVAILABLE = 7;
  /**
   * {@code stop --wait}: the stop was accepted, but the build was still not complete at the deadline (spec §4.9).
   * Waiting again is safe: stopping twice is a no-op.
   */
  public static final int STILL_RUNNING = 8;
  /** {@code AccountLimitExceededException}: an account limit was reached; nothing changed. */
  public static final int LIMIT_EXCEEDED = 9;
  /** {@code IdempotentParameterMismatchException}: a StartBuild repeated a token with other parameters. */
  public static final int PARAMETER_MISMATCH = 10;

  /** The table {@code --help} prints, in picocli's {@code exitCodeList} form ({@code "code:description"}). */
  public static final String[] HELP = {
      OK + ":done (stop: the build is stopped, was already complete, or is finishing the stop it accepted; "
          + "stop-superseded, stop-runaway: no stop failed)",
      UNEXPECTED + ":unexpected error (a bug; one line on stderr)",
      USAGE + ":usage error: bad option or value, missing --id; no region or credentials; port in use",
      INVALID_INPUT + ":InvalidInputException: the id cannot be a build id (stop-batch: a batch id)",
      NOT_FOUND + ":ResourceNotFoundException: no build (stop-batch: no batch) has this id (stop-superseded, "
          + "stop-runaway: no such project)",
      THROTTLED + ":ThrottlingException: CodeBuild throttled the call; retry later",
      ACCESS_DENIED + ":AccessDeniedException or rejected credentials",
      UNAVAILABLE + ":CodeBuild unreachable, timed out or failed (5xx); safe to retry",
      STILL_RUNNING + ":stop --wait, stop-batch --wait: the stop was accepted, but the build (batch) was still "
          + "running at the deadline",
      LIMIT_EXCEEDED + ":AccountLimitExceededException: an account limit was reached",
      PARAMETER_MISMATCH + ":IdempotentParameterMismatchException: a token repeated with other parameters",
  };

  private ExitCodes() {}

  /** The exit status for a failed call: StopBuild, or a read (BatchGetBuilds, ListBuildsForProject). */
  public static int of(StopFailure.Code code) {
    return switch (code) {
      case INVALID_INPUT -> INVALID_INPUT;
      case RESOURCE_NOT_FOUND -> NOT_FOUND;
      case THROTTLED -> THROTTLED;
      case ACCESS_DENIED -> ACCESS_DENIED;
      case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
      case PARAMETER_MISMATCH -> PARAMETER_MISMATCH;
      case UNAVAILABLE -> UNAVAILABLE;
    };
  }
}
