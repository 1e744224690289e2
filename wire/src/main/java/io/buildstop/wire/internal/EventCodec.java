package io.buildstop.wire.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.events.AdditionalInformation;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildPhaseChangeDetail;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.events.BuildStateChangeDetail;
import io.buildstop.domain.events.EventArtifact;
import io.buildstop.domain.events.EventEnvironment;
import io.buildstop.domain.events.EventEnvironmentVariable;
import io.buildstop.domain.events.EventLogs;
import io.buildstop.domain.events.EventPhase;
import io.buildstop.domain.events.EventSource;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.SentList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CodeBuild's build events as EventBridge delivers them, both ways: the envelope, each {@code detail} and what
 * {@code additional-information} holds, member for member under the events' own names ({@code build-status},
 * {@code phase-context}, ...). Written by hand, since events are not in the service model the other codecs are
 * generated from. Every object's members a shape does not model are read into its {@code otherMembers} as JSON text
 * and written back after the modelled ones. Not an API.
 */
public final class EventCodec {

  private static final Set<String> ENVELOPE = Set.of(
      "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
  private static final Set<String> STATE_DETAIL = Set.of("build-status", "project-name", "build-id",
      "current-phase", "current-phase-context", "version", "additional-information");
  private static final Set<String> PHASE_DETAIL = Set.of("completed-phase", "completed-phase-status",
      "completed-phase-duration-seconds", "completed-phase-start", "completed-phase-end", "completed-phase-context",
      "project-name", "build-id", "version", "additional-information");
  private static final Set<String> INFORMATION = Set.of("artifact", "environment", "timeout-in-minutes",
      "build-complete", "initiator", "build-start-time", "source", "source-version", "logs", "phases");
  private static final Set<String> ARTIFACT = Set.of("md5sum", "sha256sum", "location");
  private static final Set<String> ENVIRONMENT = Set.of(
      "image", "privileged-mode", "compute-type", "type", "environment-variables");
  private static final Set<String> VARIABLE = Set.of("name", "value", "type");
  private static final Set<String> SOURCE = Set.of("location", "type");
  private static final Set<String> LOGS = Set.of("group-name", "stream-name", "deep-link");
  private static final Set<String> PHASE = Set.of(
      "phase-context", "start-time", "end-time", "duration-in-seconds", "phase-type", "phase-status");

  private EventCodec() {}

  // --- the envelope

  /** Writes either kind of event. */
  public static MemberWriter encode(BuildEvent event, MemberWriter out) {
    return event instanceof BuildStateChange
        ? encodeStateChange((BuildStateChange) event, out)
        : encodePhaseChange((BuildPhaseChange) event, out);
  }

  /** Writes a state change. */
  public static MemberWriter encodeStateChange(BuildStateChange event, MemberWriter out) {
    envelope(event, out).object("detail", Optional.of(event.detail()), EventCodec::stateDetail);
    return others(out, event.otherMembers(), ENVELOPE);
  }

  /** Writes a phase change. */
  public static MemberWriter encodePhaseChange(BuildPhaseChange event, MemberWriter out) {
    envelope(event, out).object("detail", Optional.of(event.detail()), EventCodec::phaseDetail);
    return others(out, event.otherMembers(), ENVELOPE);
  }

  /**
   * Reads either kind of event, as its {@code detail-type} says; empty when a problem was recorded (a missing
   * envelope member, a {@code detail-type} of another kind of event, a member of the wrong type).
   */
  public static Optional<BuildEvent> decode(MemberReader in) {
    Optional<String> detailType = in.requiredString("detail-type");
    if (detailType.equals(Optional.of(BuildEvent.STATE_CHANGE))) {
      return decodeStateChange(in).map(BuildEvent.class::cast);
    }
    if (detailType.equals(Optional.of(BuildEvent.PHASE_CHANGE))) {
      return decodePhaseChange(in).map(BuildEvent.class::cast);
    }
    return detailType.flatMap(other -> in.invalid("detail-type", "",
        "expected \"" + BuildEvent.STATE_CHANGE + "\" or \"" + BuildEvent.PHASE_CHANGE + "\", found "
            + Found.text(other)));
  }

  /** Reads a state change; empty when a problem was recorded. */
  public static Optional<BuildStateChange> decodeStateChange(MemberReader in) {
    Optional<Envelope> envelope = Envelope.read(in, BuildEvent.STATE_CHANGE);
    Optional<BuildStateChangeDetail> detail = in.requiredObject("detail", EventCodec::stateDetail);
    if (envelope.isEmpty() || detail.isEmpty()) {
      return Optional.empty();
    }
    Envelope read = envelope.get();
    return Optional.of(BuildStateChange.builder()
        .version(read.version).id(read.id).source(read.source).account(read.account).time(read.time)
        .region(read.region).resources(read.resources).otherMembers(others(in, ENVELOPE))
        .detail(detail.get())
        .build());
  }

  /** Reads a phase change; empty when a problem was recorded. */
  public static Optional<BuildPhaseChange> decodePhaseChange(MemberReader in) {
    Optional<Envelope> envelope = Envelope.read(in, BuildEvent.PHASE_CHANGE);
    Optional<BuildPhaseChangeDetail> detail = in.requiredObject("detail", EventCodec::phaseDetail);
    if (envelope.isEmpty() || detail.isEmpty()) {
      return Optional.empty();
    }
    Envelope read = envelope.get();
    return Optional.of(BuildPhaseChange.builder()
        .version(read.version).id(read.id).source(read.source).account(read.account).time(read.time)
        .region(read.region).resources(read.resources).otherMembers(others(in, ENVELOPE))
        .detail(detail.get())
        .build());
  }

  private static MemberWriter envelope(BuildEvent event, MemberWriter out) {
    return out.string("version", Optional.of(event.version()))
        .string("id", Optional.of(event.id()))
        .string("detail-type", Optional.of(event.detailType()))
        .string("source", Optional.of(event.source()))
        .string("account", Optional.of(event.account()))
        .string("time", Optional.of(EventTimes.iso(event.time())))
        .string("region", Optional.of(event.region()))
        .strings("resources", event.resources(), true);
  }

  /** The envelope's members, every one of which EventBridge sends. */
  private static final class Envelope {
    private final String version;
    private final String id;
    private final String source;
    private final String account;
    private final Instant time;
    private final String region;
    private final List<String> resources;

    private Envelope(String version, String id, String source, String account, Instant time, String region,
        List<String> resources) {
      this.version = version;
      this.id = id;
      this.source = source;
      this.account = account;
      this.time = time;
      this.region = region;
      this.resources = resources;
    }

    static Optional<Envelope> read(MemberReader in, String detailType) {
      Optional<String> version = in.requiredString("version");
      Optional<String> id = in.requiredString("id");
      Optional<String> type = in.requiredString("detail-type");
      if (type.isPresent() && !type.get().equals(detailType)) {
        return in.invalid("detail-type", "", "expected \"" + detailType + "\", found " + Found.text(type.get()));
      }
      Optional<String> source = in.requiredString("source");
      Optional<String> account = in.requiredString("account");
      Optional<Instant> time = in.requiredString("time").flatMap(text -> EventTimes.parseIso(text)
          .fold(problem -> in.invalid("time", "", problem), Optional::of));
      Optional<String> region = in.requiredString("region");
      SentList<String> resources = in.uniqueStrings("resources");
      if (!resources.sent()) {
        in.missing("resources");
      }
      if (version.isEmpty() || id.isEmpty() || source.isEmpty() || account.isEmpty() || time.isEmpty()
          || region.isEmpty() || !resources.sent()) {
        return Optional.empty();
      }
      return Optional.of(new Envelope(version.get(), id.get(), source.get(), account.get(), time.get(),
          region.get(), resources.items()));
    }
  }

  // --- the details

  private static MemberWriter stateDetail(BuildStateChangeDetail detail, MemberWriter out) {
    out.string("build-status", detail.buildStatusAsString())
        .string("project-name", detail.projectName())
        .string("build-id", detail.buildId())
        .object("additional-information", detail.additionalInformation(), EventCodec::information)
        .string("current-phase", detail.currentPhaseAsString())
        .string("current-phase-context", detail.currentPhaseContext())
        .string("version", detail.version());
    return others(out, detail.otherMembers(), STATE_DETAIL);
  }

  private static BuildStateChangeDetail stateDetail(MemberReader in) {
    return BuildStateChangeDetail.builder()
        .buildStatusAsString(in.string("build-status"))
        .projectName(in.string("project-name"))
        .buildId(in.uniqueString("build-id"))
        .additionalInformation(in.object("additional-information", EventCodec::information))
        .currentPhaseAsString(in.string("current-phase"))
        .currentPhaseContext(in.uniqueString("current-phase-context"))
        .version(in.string("version"))
        .otherMembers(others(in, STATE_DETAIL))
        .build();
  }

  private static MemberWriter phaseDetail(BuildPhaseChangeDetail detail, MemberWriter out) {
    out.string("completed-phase", detail.completedPhaseAsString())
        .string("project-name", detail.projectName())
        .string("build-id", detail.buildId())
        .string("completed-phase-context", detail.completedPhaseContext())
        .object("additional-information", detail.additionalInformation(), EventCodec::information)
        .string("completed-phase-status", detail.completedPhaseStatusAsString())
        .int64("completed-phase-duration-seconds", detail.completedPhaseDurationSeconds())
        .string("version", detail.version())
        .string("completed-phase-start", detail.completedPhaseStart().map(EventTimes::codeBuild))
        .string("completed-phase-end", detail.completedPhaseEnd().map(EventTimes::codeBuild));
    return others(out, detail.otherMembers(), PHASE_DETAIL);
  }

  private static BuildPhaseChangeDetail phaseDetail(MemberReader in) {
    return BuildPhaseChangeDetail.builder()
        .completedPhaseAsString(in.string("completed-phase"))
        .projectName(in.string("project-name"))
        .buildId(in.uniqueString("build-id"))
        .completedPhaseContext(in.uniqueString("completed-phase-context"))
        .additionalInformation(in.object("additional-information", EventCodec::information))
        .completedPhaseStatusAsString(in.string("completed-phase-status"))
        .completedPhaseDurationSeconds(in.int64("completed-phase-duration-seconds"))
        .version(in.string("version"))
        .completedPhaseStart(codeBuildTime(in, "completed-phase-start"))
        .completedPhaseEnd(codeBuildTime(in, "completed-phase-end"))
        .otherMembers(others(in, PHASE_DETAIL))
        .build();
  }

  // --- additional-information and what it holds

  private static MemberWriter information(AdditionalInformation information, MemberWriter out) {
    out.object("artifact", information.artifact(), EventCodec::artifact)
        .object("environment", information.environment(), EventCodec::environment)
        .int32("timeout-in-minutes", information.timeoutInMinutes())
        .bool("build-complete", information.buildComplete())
        .string("initiator", information.initiator())
        .string("build-start-time", information.buildStartTime().map(EventTimes::codeBuild))
        .object("source", information.source(), EventCodec::source)
        .string("source-version", information.sourceVersion())
        .object("logs", information.logs(), EventCodec::logs)
        .objects("phases", information.phases(), information.hasPhases(), EventCodec::phase);
    return others(out, information.otherMembers(), INFORMATION);
  }

  private static AdditionalInformation information(MemberReader in) {
    SentList<EventPhase> phases = in.objects("phases", EventCodec::phase);
    return AdditionalInformation.builder()
        .artifact(in.object("artifact", EventCodec::artifact))
        .environment(in.object("environment", EventCodec::environment))
        .timeoutInMinutes(in.int32("timeout-in-minutes"))
        .buildComplete(in.bool("build-complete"))
        .initiator(in.uniqueString("initiator"))
        .buildStartTime(codeBuildTime(in, "build-start-time"))
        .source(in.object("source", EventCodec::source))
        .sourceVersion(in.uniqueString("source-version"))
        .logs(in.object("logs", EventCodec::logs))
        .phases(phases.items())
        .hasPhases(phases.sent())
        .otherMembers(others(in, INFORMATION))
        .build();
  }

  private static MemberWriter artifact(EventArtifact artifact, MemberWriter out) {
    out.string("md5sum", artifact.md5sum())
        .string("sha256sum", artifact.sha256sum())
        .string("location", artifact.location());
    return others(out, artifact.otherMembers(), ARTIFACT);
  }

  private static EventArtifact artifact(MemberReader in) {
    return EventArtifact.builder()
        .md5sum(in.uniqueString("md5sum"))
        .sha256sum(in.uniqueString("sha256sum"))
        .location(in.uniqueString("location"))
        .otherMembers(others(in, ARTIFACT))
        .build();
  }

  private static MemberWriter environment(EventEnvironment environment, MemberWriter out) {
    out.string("image", environment.image())
        .bool("privileged-mode", environment.privilegedMode())
        .string("compute-type", environment.computeTypeAsString())
        .string("type", environment.typeAsString())
        .objects("environment-variables", environment.environmentVariables(),
            environment.hasEnvironmentVariables(), EventCodec::variable);
    return others(out, environment.otherMembers(), ENVIRONMENT);
  }

  private static EventEnvironment environment(MemberReader in) {
    SentList<EventEnvironmentVariable> variables = in.objects("environment-variables", EventCodec::variable);
    return EventEnvironment.builder()
        .image(in.string("image"))
        .privilegedMode(in.bool("privileged-mode"))
        .computeTypeAsString(in.string("compute-type"))
        .typeAsString(in.string("type"))
        .environmentVariables(variables.items())
        .hasEnvironmentVariables(variables.sent())
        .otherMembers(others(in, ENVIRONMENT))
        .build();
  }

  private static MemberWriter variable(EventEnvironmentVariable variable, MemberWriter out) {
    out.string("name", variable.name())
        .string("type", variable.typeAsString())
        .string("value", variable.value());
    return others(out, variable.otherMembers(), VARIABLE);
  }

  private static EventEnvironmentVariable variable(MemberReader in) {
    return EventEnvironmentVariable.builder()
        .name(in.string("name"))
        .typeAsString(in.string("type"))
        // a secret: a private copy, kept out of the JVM's shared table
        .value(in.uniqueString("value"))
        .otherMembers(others(in, VARIABLE))
        .build();
  }

  private static MemberWriter source(EventSource source, MemberWriter out) {
    out.string("location", source.location()).string("type", source.typeAsString());
    return others(out, source.otherMembers(), SOURCE);
  }

  private static EventSource source(MemberReader in) {
    return EventSource.builder()
        .location(in.uniqueString("location"))
        .typeAsString(in.string("type"))
        .otherMembers(others(in, SOURCE))
        .build();
  }

  private static MemberWriter logs(EventLogs logs, MemberWriter out) {
    out.string("group-name", logs.groupName())
        .string("stream-name", logs.streamName())
        .string("deep-link", logs.deepLink());
    return others(out, logs.otherMembers(), LOGS);
  }

  private static EventLogs logs(MemberReader in) {
    return EventLogs.builder()
        .groupName(in.string("group-name"))
        .streamName(in.uniqueString("stream-name"))
        .deepLink(in.uniqueString("deep-link"))
        .otherMembers(others(in, LOGS))
        .build();
  }

  private static MemberWriter phase(EventPhase phase, MemberWriter out) {
    out.strings("phase-context", phase.phaseContext(), phase.hasPhaseContext())
        .string("start-time", phase.startTime().map(EventTimes::codeBuild))
        .string("end-time", phase.endTime().map(EventTimes::codeBuild))
        .int64("duration-in-seconds", phase.durationInSeconds())
        .string("phase-type", phase.phaseTypeAsString())
        .string("phase-status", phase.phaseStatusAsString());
    return others(out, phase.otherMembers(), PHASE);
  }

  private static EventPhase phase(MemberReader in) {
    SentList<String> context = in.uniqueStrings("phase-context");
    return EventPhase.builder()
        .phaseContext(context.items())
        .hasPhaseContext(context.sent())
        .startTime(codeBuildTime(in, "start-time"))
        .endTime(codeBuildTime(in, "end-time"))
        .durationInSeconds(in.int64("duration-in-seconds"))
        .phaseTypeAsString(in.string("phase-type"))
        .phaseStatusAsString(in.string("phase-status"))
        .otherMembers(others(in, PHASE))
        .build();
  }

  // --- what the shapes do not model, and CodeBuild's time

  private static Optional<Instant> codeBuildTime(MemberReader in, String member) {
    return in.string(member).flatMap(text -> EventTimes.parseCodeBuild(text)
        .fold(problem -> in.invalid(member, "", problem), Optional::of));
  }

  private static Map<String, String> others(MemberReader in, Set<String> modelled) {
    Map<String, String> others = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : in.node().properties()) {
      if (!modelled.contains(member.getKey())) {
        others.put(member.getKey(), JsonText.write(member.getValue()));
      }
    }
    return others;
  }

  private static MemberWriter others(MemberWriter out, Map<String, String> others, Set<String> modelled) {
    for (Map.Entry<String, String> member : others.entrySet()) {
      if (modelled.contains(member.getKey())) {
        throw new IllegalArgumentException("otherMembers names the modelled member " + member.getKey());
      }
      out.json(member.getKey(), member.getValue());
    }
    return out;
  }
}
