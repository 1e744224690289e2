package io.buildstop.testkit.generators;

import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.properties.Gens;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * The build events of the EventBridge model ({@code io.buildstop.domain.events}): the transitions that emit them,
 * as backends take builds through their lives, and events as {@code BuildEvents} derives them, with members a newer
 * CodeBuild might send and this version does not model.
 */
public final class EventGenerators {

  // canonical JSON text of every kind, as the wire codec keeps a member it does not model
  private static final List<String> JSON_VALUES = List.of(
      "null", "true", "false", "0", "480.0", "-12", "\"\"", "\"NO_CACHE\"", "[]", "[1,2.50,\"x\",null]", "{}",
      "{\"type\":\"NO_CACHE\",\"modes\":[\"LOCAL_SOURCE_CACHE\"]}");

  private EventGenerators() {}

  /**
   * Every kind of transition, each from builds in real states (spec §3): a start of a configuration that is not
   * running, an advance, a completion with each final status, a stop of a running build, and a stop of a complete
   * build, which changes nothing.
   */
  public static Gen<BuildTransition> transitions() {
    return Gens.frequency(
        Gens.w(2, starts()),
        Gens.w(3, advances()),
        Gens.w(2, completions()),
        Gens.w(2, stops()),
        Gens.w(1, noOpStops()));
  }

  /** Starts: a configuration that is not running, started at some instant and queued a gap later. */
  public static Gen<BuildTransition> starts() {
    return BuildGenerators.configurations().zip(ValueGenerators.instants(), BuildGenerators.gapsInMillis(),
        (configuration, at, gap) -> {
          // a configuration is a build not yet started: whatever status it was generated with is not its own
          Build before = Build.builder().from(configuration).buildStatusAsString(Optional.empty()).build();
          Instant queuedAt = at.plusMillis(gap);
          return new BuildTransition("start", before, BuildLifecycle.start(before, at, queuedAt), queuedAt);
        });
  }

  /** The running phase of a running build succeeds a gap after it began, and the next begins. */
  public static Gen<BuildTransition> advances() {
    return BuildGenerators.runningBuilds().zip(BuildGenerators.gapsInMillis(), (running, gap) -> {
      Instant at = BuildGenerators.latestInstant(running).plusMillis(gap);
      return new BuildTransition("advance", running, BuildLifecycle.advance(running, at), at);
    });
  }

  /** A running build ends with one of the final statuses. */
  public static Gen<BuildTransition> completions() {
    return BuildGenerators.runningBuilds().zip(Gens.oneOf(BuildLifecycle.FINAL_STATUSES),
        BuildGenerators.gapsInMillis(), (running, status, gap) -> {
          Instant at = BuildGenerators.latestInstant(running).plusMillis(gap);
          return new BuildTransition("complete " + status, running, BuildLifecycle.complete(running, status, at), at);
        });
  }

  /** StopBuild of a running build. */
  public static Gen<BuildTransition> stops() {
    return BuildGenerators.runningBuilds().zip(BuildGenerators.gapsInMillis(), (running, gap) -> {
      Instant at = BuildGenerators.latestInstant(running).plusMillis(gap);
      return new BuildTransition("stop", running, StopRules.stop(running, at), at);
    });
  }

  /** StopBuild of a complete build: the build comes back unchanged (spec §4.3). */
  public static Gen<BuildTransition> noOpStops() {
    return BuildGenerators.completedBuilds().zip(BuildGenerators.gapsInMillis(), (complete, gap) -> {
      Instant at = BuildGenerators.latestInstant(complete).plusMillis(gap);
      return new BuildTransition("stop (complete)", complete, StopRules.stop(complete, at), at);
    });
  }

  /**
   * Events as a backend emits them, one of a transition's, some with members this version does not model in the
   * envelope, the {@code detail} and its {@code additional-information}.
   */
  public static Gen<BuildEvent> events() {
    // each of these transitions emits at least one event
    Gen<BuildEvent> emitted = Gens.<BuildTransition>anyOf(starts(), advances(), completions(), stops())
        .map(BuildTransition::events)
        .zip(Gens.ints(0, Integer.MAX_VALUE), (events, pick) -> events.get(pick % events.size()));
    return emitted.zip(otherMembers(), otherMembers(), otherMembers(), EventGenerators::withOtherMembers);
  }

  /** Members this version does not model: none now and then, else one to three, each value JSON text. */
  public static Gen<Map<String, String>> otherMembers() {
    Gen<Map<String, String>> some = Gens.lists(
        Gens.strings("abcdefghijklmnopqrstuvwxyz-", 1, 12).zip(Gens.oneOf(JSON_VALUES), Map::entry), 1, 3)
        .map(entries -> {
          Map<String, String> members = new LinkedHashMap<>();
          // "x-" keeps every name clear of the modelled ones
          entries.forEach(entry -> members.put("x-" + entry.getKey(), entry.getValue()));
          return members;
        });
    return Gens.weighted(2, Gens.constant(Map.of()), 1, some);
  }

  private static BuildEvent withOtherMembers(BuildEvent event, Map<String, String> envelope,
      Map<String, String> detail, Map<String, String> information) {
    if (event instanceof BuildStateChange) {
      BuildStateChange change = (BuildStateChange) event;
      return change.withOtherMembers(envelope).withDetail(change.detail().withOtherMembers(detail)
          .withAdditionalInformation(change.detail().additionalInformation()
              .map(known -> known.withOtherMembers(information))));
    }
    BuildPhaseChange change = (BuildPhaseChange) event;
    return change.withOtherMembers(envelope).withDetail(change.detail().withOtherMembers(detail)
        .withAdditionalInformation(change.detail().additionalInformation()
            .map(known -> known.withOtherMembers(information))));
  }
}
