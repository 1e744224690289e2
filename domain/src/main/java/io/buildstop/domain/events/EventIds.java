package io.buildstop.domain.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a derived event's {@code id} comes from. EventBridge gives every event a UUID; {@link BuildEvents} stays a
 * pure function by asking this for it, given what makes the event unique within its build.
 */
@FunctionalInterface
public interface EventIds {

  /**
   * The id of one event.
   *
   * @param buildArn the build's ARN ({@code ""} when the build has none)
   * @param detailType {@link BuildEvent#STATE_CHANGE} or {@link BuildEvent#PHASE_CHANGE}
   * @param subject the build status a state change reports, or the phase type a phase change reports: a build
   *     reports each at most once (spec §3.2, §4.5), so the three together name one event
   * @return the id; not null
   */
  String idOf(String buildArn, String detailType, String subject);

  /**
   * buildstop's ids: a name-based UUID (RFC 4122 version 3) of the build ARN, the detail type and the subject. The
   * same transition always gets the same ids, so a consumer can tell a repeated delivery from a second event.
   */
  static EventIds nameBased() {
    return (buildArn, detailType, subject) -> UUID.nameUUIDFromBytes(
        (buildArn + '\n' + detailType + '\n' + subject).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
