package io.buildstop.examples;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The main job on the embedded in-memory default: starts builds of two projects, lets them run, completes one,
 * then stops a running build, stops it again and stops the completed one, printing each result.
 */
public final class StopBuildDemo {
  private StopBuildDemo() {}

  /** Runs the demo, printing to standard output; exits 1 if a stop did not give the spec's result. */
  public static void main(String[] args) {
    boolean asSpecified = run(System.out, Clock.systemUTC());
    if (!asSpecified) {
      System.exit(1);
    }
  }

  /**
   * Runs the demo on {@code clock}, printing to {@code out}.
   *
   * @return whether every stop gave the result spec §4 prescribes
   */
  public static boolean run(PrintStream out, Clock clock) {
    TickingClock ticking = new TickingClock(clock.instant(), Duration.ofMillis(1_337));
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(ticking).region("us-west-2").build();

    Build running = codeBuild.startBuild("my-demo-project").get();
    String runningId = running.id().orElseThrow();
    for (int phase = 0; phase < 5; phase++) {
      codeBuild.advance(runningId);
    }
    Build other = codeBuild.startBuild("my-other-project").get();
    String finishedId = other.id().orElseThrow();
    codeBuild.advance(finishedId);
    codeBuild.complete(finishedId, StatusType.SUCCEEDED);
    out.println("builds: " + codeBuild.builds().size() + " (" + runningId + " running, " + finishedId + " finished)");

    Either<StopFailure, Build> stopped = codeBuild.stopBuild(runningId);
    out.println();
    out.println("$ stop-build --id " + runningId);
    print(out, stopped);

    Either<StopFailure, Build> again = codeBuild.stopBuild(runningId);
    out.println();
    out.println("$ stop-build --id " + runningId + "   # again: unchanged (spec §4.4)");
    print(out, again);

    Either<StopFailure, Build> finished = codeBuild.stopBuild(finishedId);
    out.println();
    out.println("$ stop-build --id " + finishedId + "   # already complete: keeps its final status (spec §4.3)");
    print(out, finished);

    Either<StopFailure, Build> unknown = codeBuild.stopBuild("my-demo-project:00000000-0000-0000-0000-000000000000");
    out.println();
    out.println("$ stop-build --id my-demo-project:00000000-0000-0000-0000-000000000000");
    print(out, unknown);

    return stopped.map(build -> build.buildStatus().equals(java.util.Optional.of(StatusType.STOPPED))
            && build.buildComplete().orElse(false)).getOrElse(false)
        && again.equals(stopped)
        && finished.map(build -> build.buildStatus().equals(java.util.Optional.of(StatusType.SUCCEEDED)))
            .getOrElse(false)
        && unknown.isLeft() && unknown.getLeft().code() == StopFailure.Code.RESOURCE_NOT_FOUND;
  }

  private static void print(PrintStream out, Either<StopFailure, Build> result) {
    result.peekLeft(failure -> out.println("  " + failure.code() + ": " + failure.message()));
    result.peek(build -> {
      out.println("  id:            " + build.id().orElse("-"));
      out.println("  buildNumber:   " + build.buildNumber().map(String::valueOf).orElse("-"));
      out.println("  buildStatus:   " + build.buildStatusAsString().orElse("-"));
      out.println("  currentPhase:  " + build.currentPhaseAsString().orElse("-"));
      out.println("  buildComplete: " + build.buildComplete().map(String::valueOf).orElse("-"));
      out.println("  startTime:     " + build.startTime().map(Object::toString).orElse("-"));
      out.println("  endTime:       " + build.endTime().map(Object::toString).orElse("-"));
      out.println("  phases:");
      List<BuildPhase> phases = build.phases();
      for (BuildPhase phase : phases) {
        out.printf("    %-17s %-10s %s%n",
            phase.phaseTypeAsString().orElse("-"),
            phase.phaseStatusAsString().orElse(""),
            phase.durationInSeconds().map(seconds -> seconds + " s").orElse(""));
      }
    });
  }

  /** A clock that moves on by a fixed step at each reading, so the demo's phases have real durations. */
  private static final class TickingClock extends Clock {
    private final java.util.concurrent.atomic.AtomicReference<Instant> now;
    private final Duration step;

    TickingClock(Instant start, Duration step) {
      this.now = new java.util.concurrent.atomic.AtomicReference<>(start);
      this.step = step;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.getAndUpdate(instant -> instant.plus(step));
    }
  }
}
