package io.buildstop.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The EventBridge envelope every CodeBuild build event travels in: {@code version}, {@code id}, {@code detail-type},
 * {@code source}, {@code account}, {@code time}, {@code region}, {@code resources} and the event's {@code detail}.
 * Exactly two kinds: {@link BuildStateChange} and {@link BuildPhaseChange}; {@link #detailType()} tells them apart.
 *
 * <p>Times travel in whole seconds; an instant's fraction of a second is not written.
 */
public sealed interface BuildEvent permits BuildStateChange, BuildPhaseChange {

  /** The {@code detail-type} of a build state change. */
  String STATE_CHANGE = "CodeBuild Build State Change";

  /** The {@code detail-type} of a build phase change. */
  String PHASE_CHANGE = "CodeBuild Build Phase Change";

  /** The {@code source} of every CodeBuild event. */
  String CODEBUILD = "aws.codebuild";

  /** The envelope's {@code version}: EventBridge's, "0" for every event it delivers. */
  String ENVELOPE_VERSION = "0";

  /** The {@code detail}'s own {@code version}, "1" in every published CodeBuild event. */
  String DETAIL_VERSION = "1";

  /** EventBridge's {@code version} of the envelope; {@link #ENVELOPE_VERSION} unless read otherwise. */
  String version();

  /** The event's {@code id}, unique per event (docs/build-events.md says how buildstop makes them). */
  String id();

  /** {@link #STATE_CHANGE} or {@link #PHASE_CHANGE}: fixed by the event's kind. */
  String detailType();

  /** The {@code source}; {@link #CODEBUILD} unless read otherwise. */
  String source();

  /** The AWS account the build runs in, as the build ARN names it. */
  String account();

  /** When the event happened ({@code time}, ISO-8601 in whole seconds on the wire). */
  Instant time();

  /** The region the build runs in, as the build ARN names it. */
  String region();

  /** The {@code resources}: the build's ARN. */
  List<String> resources();

  /**
   * Envelope members this version does not model, by name, each as its JSON text: kept so that an event read from
   * EventBridge writes back as it came. Never names a member modelled here.
   */
  Map<String, String> otherMembers();
}
