package io.buildstop.domain.events;

import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The events a build's transition emits, as pure functions of (before, after, instant): what CodeBuild would send
 * to EventBridge when a backend moves a build from {@code before} to {@code after} at {@code at}
 * (docs/build-events.md).
 *
 * <p>In order: a state change {@code IN_PROGRESS} when the build starts; one phase change per phase the transition
 * closed, in the build's phase order; a state change with the final status when the build ends. So a stop of a
 * running build emits one phase change (the stopped phase, {@code STOPPED}) and one state change ({@code STOPPED}),
 * and a stop of a complete build, which changes nothing, emits none (spec §4.10).
 */
public final class BuildEvents {

  private BuildEvents() {}

  /** {@link #of(Build, Build, Instant, EventIds)} with buildstop's {@link EventIds#nameBased()} ids. */
  public static List<BuildEvent> of(Build before, Build after, Instant at) {
    return of(before, after, at, EventIds.nameBased());
  }

  /**
   * The events of the transition from {@code before} to {@code after}, in the order CodeBuild sends them.
   *
   * <ul>
   *   <li>{@code after} running and {@code before} not (a start): a state change {@code IN_PROGRESS}, then a phase
   *       change for each phase {@code after} has closed (SUBMITTED);
   *   <li>{@code before} running: a phase change for each phase {@code after} has closed that {@code before} had
   *       open or did not have; then, if {@code after} has left IN_PROGRESS, a state change with its status;
   *   <li>{@code before} not running and {@code after} not running: nothing, whatever else differs (a complete
   *       build has had its one terminal transition, spec §4.5).
   * </ul>
   *
   * <p>Every event carries {@code after} as its {@code additional-information}, {@code at} as its {@code time}, and
   * the account and region of {@code after}'s ARN; times are truncated to whole seconds.
   *
   * @param before the build as the backend held it before the transition; not null
   * @param after the build after it; not null
   * @param at when the transition happened, from the backend's clock; not null
   * @param ids where the events' ids come from; not null
   * @return the events, possibly none; never null, unmodifiable
   */
  public static List<BuildEvent> of(Build before, Build after, Instant at, EventIds ids) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(ids, "ids");
    boolean wasRunning = StopRules.isStoppable(before);
    boolean running = StopRules.isStoppable(after);
    if (!wasRunning && !running) {
      return List.of();
    }
    // a start replaces whatever phases the configuration held, so every phase the started build has closed is new
    List<BuildPhase> earlier = wasRunning ? before.phases() : List.of();
    List<BuildPhase> phases = after.phases();
    List<BuildPhase> closed = new ArrayList<>();
    for (int index = 0; index < phases.size(); index++) {
      BuildPhase phase = phases.get(index);
      if (isClosed(phase) && (index >= earlier.size() || !isClosed(earlier.get(index)))) {
        closed.add(phase);
      }
    }
    boolean ended = wasRunning && !running && after.buildStatusAsString().isPresent();
    if (wasRunning && closed.isEmpty() && !ended) {
      // a change that moves nothing a listener hears of (a build put over itself, a stop still settling): no event,
      // and none of the events' shared members built for nothing (BENCHMARKS.md §2, with one listener)
      return List.of();
    }
    Envelope envelope = new Envelope(after, wholeSeconds(at), ids);
    AdditionalInformation information = information(after);
    List<BuildEvent> events = new ArrayList<>();
    if (!wasRunning) {
      events.add(envelope.stateChange(information));
    }
    for (BuildPhase phase : closed) {
      events.add(envelope.phaseChange(phase, information));
    }
    if (ended) {
      events.add(envelope.stateChange(information));
    }
    return List.copyOf(events);
  }

  /**
   * The {@code additional-information} of a build's events: the build's artifact, environment, timeout,
   * completeness, initiator, start time, source, source version, logs and phases in the events' names.
   */
  public static AdditionalInformation information(Build build) {
    return AdditionalInformation.builder()
        .artifact(build.artifacts().map(BuildEvents::artifact))
        .environment(build.environment().map(BuildEvents::environment))
        .timeoutInMinutes(build.timeoutInMinutes())
        .buildComplete(build.buildComplete())
        .initiator(build.initiator())
        .buildStartTime(build.startTime().map(BuildEvents::wholeSeconds))
        .source(build.source().map(BuildEvents::source))
        .sourceVersion(build.sourceVersion())
        .logs(build.logs().map(BuildEvents::logs))
        .phases(build.phases().stream().map(BuildEvents::phase).collect(Collectors.toList()))
        .hasPhases(true)
        .build();
  }

  /**
   * A phase's contexts as one text, the form of {@code current-phase-context} and {@code completed-phase-context}:
   * {@code "[]"}, or each context's {@code "<statusCode>: <message>"} between brackets, separated by {@code ", "}.
   */
  public static String contextText(List<PhaseContext> contexts) {
    return contexts.stream().map(BuildEvents::contextItem).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String contextItem(PhaseContext context) {
    return context.statusCode().orElse("") + ": " + context.message().orElse("");
  }

  private static boolean isClosed(BuildPhase phase) {
    return phase.phaseStatusAsString().isPresent();
  }

  private static Instant wholeSeconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static EventArtifact artifact(BuildArtifacts artifacts) {
    return EventArtifact.builder()
        .md5sum(artifacts.md5sum())
        .sha256sum(artifacts.sha256sum())
        .location(artifacts.location())
        .build();
  }

  private static EventEnvironment environment(ProjectEnvironment environment) {
    return EventEnvironment.builder()
        .image(environment.image())
        .privilegedMode(environment.privilegedMode())
        .computeTypeAsString(environment.computeTypeAsString())
        .typeAsString(environment.typeAsString())
        .environmentVariables(environment.environmentVariables().stream()
            .map(BuildEvents::variable).collect(Collectors.toList()))
        // the published events carry "environment-variables": [] when the build has none
        .hasEnvironmentVariables(true)
        .build();
  }

  private static EventEnvironmentVariable variable(EnvironmentVariable variable) {
    return EventEnvironmentVariable.builder()
        .name(variable.name())
        .value(variable.value())
        .typeAsString(variable.typeAsString())
        .build();
  }

  private static EventSource source(ProjectSource source) {
    return EventSource.builder().location(source.location()).typeAsString(source.typeAsString()).build();
  }

  private static EventLogs logs(LogsLocation logs) {
    return EventLogs.builder()
        .groupName(logs.groupName())
        .streamName(logs.streamName())
        .deepLink(logs.deepLink())
        .build();
  }

  private static EventPhase phase(BuildPhase phase) {
    EventPhase.Builder event = EventPhase.builder()
        .startTime(phase.startTime().map(BuildEvents::wholeSeconds))
        .endTime(phase.endTime().map(BuildEvents::wholeSeconds))
        .durationInSeconds(phase.durationInSeconds())
        .phaseTypeAsString(phase.phaseTypeAsString())
        .phaseStatusAsString(phase.phaseStatusAsString());
    // the published events give every closed phase a phase-context, [] when it has none, and a running phase none
    if (isClosed(phase)) {
      event.phaseContext(phase.contexts().stream().map(BuildEvents::contextItem).collect(Collectors.toList()))
          .hasPhaseContext(true);
    }
    return event.build();
  }

  /** What every event of one transition shares: the build's identity, the instant, the ids. */
  private static final class Envelope {
    // arn:<partition>:codebuild:<region>:<account>:build/<id> (spec §2)
    private static final int REGION = 3;
    private static final int ACCOUNT = 4;

    private final Build build;
    private final Instant at;
    private final EventIds ids;
    private final String arn;

    Envelope(Build build, Instant at, EventIds ids) {
      this.build = build;
      this.at = at;
      this.ids = ids;
      this.arn = build.arn().orElse("");
    }

    BuildStateChange stateChange(AdditionalInformation information) {
      String status = build.buildStatusAsString().orElseThrow();
      List<PhaseContext> current = build.phases().isEmpty()
          ? List.of()
          : build.phases().get(build.phases().size() - 1).contexts();
      return BuildStateChange.builder()
          .id(ids.idOf(arn, BuildEvent.STATE_CHANGE, status))
          .account(arnPart(ACCOUNT))
          .time(at)
          .region(arnPart(REGION))
          .resources(resources())
          .detail(BuildStateChangeDetail.builder()
              .buildStatusAsString(status)
              .projectName(build.projectName())
              .buildId(build.arn())
              .currentPhaseAsString(build.currentPhaseAsString())
              .currentPhaseContext(contextText(current))
              .version(BuildEvent.DETAIL_VERSION)
              .additionalInformation(information)
              .build())
          .build();
    }

    BuildPhaseChange phaseChange(BuildPhase phase, AdditionalInformation information) {
      return BuildPhaseChange.builder()
          .id(ids.idOf(arn, BuildEvent.PHASE_CHANGE, phase.phaseTypeAsString().orElse("")))
          .account(arnPart(ACCOUNT))
          .time(at)
          .region(arnPart(REGION))
          .resources(resources())
          .detail(BuildPhaseChangeDetail.builder()
              .completedPhaseAsString(phase.phaseTypeAsString())
              .completedPhaseStatusAsString(phase.phaseStatusAsString())
              .completedPhaseDurationSeconds(phase.durationInSeconds())
              .completedPhaseStart(phase.startTime().map(BuildEvents::wholeSeconds))
              .completedPhaseEnd(phase.endTime().map(BuildEvents::wholeSeconds))
              .completedPhaseContext(contextText(phase.contexts()))
              .projectName(build.projectName())
              .buildId(build.arn())
              .version(BuildEvent.DETAIL_VERSION)
              .additionalInformation(information)
              .build())
          .build();
    }

    private List<String> resources() {
      return build.arn().map(List::of).orElse(List.of());
    }

    private String arnPart(int index) {
      String[] parts = arn.split(":", 6);
      return parts.length == 6 ? parts[index] : "";
    }
  }
}
