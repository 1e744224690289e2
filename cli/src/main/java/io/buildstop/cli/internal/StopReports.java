package io.buildstop.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.Outcome;
import io.buildstop.workflows.StopReport;
import io.buildstop.workflows.StopReportLine;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * How {@code stop-superseded} and {@code stop-runaway} print a {@link StopReport} and what they exit with.
 *
 * <p>stdout, indented as the AWS CLI indents JSON: one list of build ids per outcome, every key always present, ids
 * in the report's order:
 * <pre>
 * {
 *     "stopped": ["p:1", ...],
 *     "alreadyComplete": [...],
 *     "notFound": [...],
 *     "failed": [{"id": "p:4", "code": "THROTTLED", "message": "Rate exceeded"}],
 *     "wouldStop": [...]
 * }
 * </pre>
 * With batches ({@code stop-superseded --batches}) the object has one more key, {@code "buildBatches"}, holding the
 * same five keys for the batches' lines; the top-level keys keep holding the builds' only.
 *
 * <p>Exit 0 when no line is FAILED (a build that completed first, or was not found, is no failure); else the exit code
 * of the first failed line's failure, and one line per failure on stderr. A failure before any stop (reading the
 * builds, a reference that is not there) prints no report: the AWS CLI's error on stderr, and its exit code.
 */
public final class StopReports {
  private static final JsonFactory JSON = new JsonFactory();

  private StopReports() {}

  /** The report of builds as JSON, printed as the AWS CLI prints JSON, with a final newline. */
  public static String json(StopReport report) {
    return json(report, false);
  }

  /**
   * The report as JSON, printed as the AWS CLI prints JSON, with a final newline; with {@code withBatches}, the
   * batches' lines under {@code "buildBatches"}.
   */
  public static String json(StopReport report, boolean withBatches) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      outcomes(json, report, StopReportLine.Kind.BUILD);
      if (withBatches) {
        json.writeObjectFieldStart("buildBatches");
        outcomes(json, report, StopReportLine.Kind.BUILD_BATCH);
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AwsCliJson.print(text.toString());
  }

  // the five keys, for the lines of one kind
  private static void outcomes(JsonGenerator json, StopReport report, StopReportLine.Kind kind) throws IOException {
    ids(json, "stopped", report, kind, Outcome.Code.STOPPED);
    ids(json, "alreadyComplete", report, kind, Outcome.Code.ALREADY_COMPLETE);
    ids(json, "notFound", report, kind, Outcome.Code.NOT_FOUND);
    json.writeArrayFieldStart("failed");
    for (StopReportLine line : report.failures()) {
      if (line.kind() != kind) {
        continue;
      }
      StopFailure failure = ((Outcome.Failed<?>) line.outcome()).failure();
      json.writeStartObject();
      json.writeStringField("id", line.id().value());
      json.writeStringField("code", failure.code().name());
      json.writeStringField("message", failure.message());
      json.writeEndObject();
    }
    json.writeEndArray();
    ids(json, "wouldStop", report, kind, Outcome.Code.WOULD_STOP);
  }

  /**
   * Prints the result of a multi-build workflow and says what to exit with.
   *
   * @param command the command's name, for stderr
   * @param result the report, or the failure that came before any stop
   * @param ports the ports the workflow ran on: which call failed last
   * @param endpoint where the calls went, as {@link AwsCliErrors} quotes it
   * @return the exit code
   */
  public static int finish(String command, Either<StopFailure, StopReport> result, TrackedPorts ports,
      Optional<String> endpoint, PrintWriter out, PrintWriter err) {
    return finish(command, result, false, ports, endpoint, out, err);
  }

  /**
   * Prints the result of a workflow over builds, and batches when {@code withBatches}, and says what to exit with.
   *
   * @return the exit code
   */
  public static int finish(String command, Either<StopFailure, StopReport> result, boolean withBatches,
      TrackedPorts ports, Optional<String> endpoint, PrintWriter out, PrintWriter err) {
    if (result.isLeft()) {
      err.print(failureBeforeAnyStop(command, result.getLeft(), ports, endpoint));
      err.flush();
      return ExitCodes.of(result.getLeft().code());
    }
    StopReport report = result.get();
    out.print(json(report, withBatches));
    out.flush();
    List<StopReportLine> failures = report.failures();
    if (failures.isEmpty()) {
      return ExitCodes.OK;
    }
    for (StopReportLine line : failures) {
      StopFailure failure = ((Outcome.Failed<?>) line.outcome()).failure();
      boolean batch = line.kind() == StopReportLine.Kind.BUILD_BATCH;
      err.println("buildstop: " + command + ": could not stop " + (batch ? "build batch " : "") + line.id().value()
          + ": " + AwsCliErrors.describe(batch ? TrackedPorts.STOP_BUILD_BATCH : TrackedPorts.STOP_BUILD, failure,
          endpoint).strip());
    }
    err.println("buildstop: " + command + ": " + report.summary());
    err.flush();
    return ExitCodes.of(((Outcome.Failed<?>) failures.get(0).outcome()).failure().code());
  }

  // a failed call in the AWS CLI's words; a check the workflow made itself (no call failed) in buildstop's
  private static String failureBeforeAnyStop(String command, StopFailure failure, TrackedPorts ports,
      Optional<String> endpoint) {
    Optional<String> operation = ports.operationThatFailedWith(failure);
    if (operation.isPresent()) {
      return AwsCliErrors.describe(operation.get(), failure, endpoint);
    }
    return "buildstop: " + command + ": " + failure.message() + "\n";
  }

  private static void ids(JsonGenerator json, String name, StopReport report, StopReportLine.Kind kind,
      Outcome.Code code) throws IOException {
    json.writeArrayFieldStart(name);
    for (StopReportLine line : report.lines()) {
      if (line.kind() == kind && line.outcome().code() == code) {
        json.writeString(line.id().value());
      }
    }
    json.writeEndArray();
  }
}
