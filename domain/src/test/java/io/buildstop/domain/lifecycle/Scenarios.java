package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.Optional;

/** Hand-made builds in known states, for example tests. */
final class Scenarios {
  /** When the example build was submitted. */
  static final Instant SUBMITTED_AT = Instant.parse("2024-03-01T10:00:00.250Z");
  /** Every phase after SUBMITTED lasts this long: 2.5 s, so durations show the floor (2). */
  static final long PHASE_MILLIS = 2_500;

  static final PhaseContext EMPTY_CONTEXT = PhaseContext.builder().message("").statusCode("").build();

  static final Build CONFIGURATION = Build.builder()
      .id("demo-project:0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9")
      .arn("arn:aws:codebuild:eu-central-1:123456789012:build/demo-project:0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9")
      .projectName("demo-project")
      .buildNumber(7L)
      .initiator("ci")
      .build();

  private Scenarios() {}

  /** The example build running in {@code phase}, one of {@link BuildLifecycle#RUNNING_PHASES}. */
  static Build runningIn(BuildPhaseType phase) {
    if (phase == BuildPhaseType.SUBMITTED) {
      return CONFIGURATION
          .withPhases(BuildPhase.builder().phaseType(BuildPhaseType.SUBMITTED).startTime(SUBMITTED_AT).build())
          .withStartTime(SUBMITTED_AT)
          .withBuildStatus(StatusType.IN_PROGRESS)
          .withCurrentPhase(BuildPhaseType.SUBMITTED)
          .withBuildComplete(false);
    }
    Instant at = SUBMITTED_AT.plusMillis(PHASE_MILLIS);
    Build build = BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT, at);
    // bounded, so that a broken advance fails the test instead of hanging it
    for (int step = 0; step < BuildLifecycle.RUNNING_PHASES.size(); step++) {
      if (build.currentPhase().equals(Optional.of(phase))) {
        return build;
      }
      at = at.plusMillis(PHASE_MILLIS);
      build = BuildLifecycle.advance(build, at);
    }
    throw new AssertionError("advancing never reached " + phase + ": " + build);
  }

  /** When the running phase of {@code running} began. */
  static Instant runningSince(Build running) {
    return Surgery.last(running).startTime().orElseThrow();
  }

  /** A phase as the lifecycle closes it, without contexts. */
  static BuildPhase closed(BuildPhaseType type, StatusType status, Instant start, Instant end) {
    return BuildPhase.builder()
        .phaseType(type)
        .phaseStatus(status)
        .startTime(start)
        .endTime(end)
        .durationInSeconds(Surgery.flooredSeconds(start, end))
        .build();
  }

  /** A phase as the lifecycle closes it, with CodeBuild's one empty context (spec §3.7). */
  static BuildPhase closedWithContext(BuildPhaseType type, StatusType status, Instant start, Instant end) {
    return closed(type, status, start, end).withContexts(EMPTY_CONTEXT);
  }

  /** A running phase, or the COMPLETED marker: type and start only. */
  static BuildPhase open(BuildPhaseType type, Instant start) {
    return BuildPhase.builder().phaseType(type).startTime(start).build();
  }
}
