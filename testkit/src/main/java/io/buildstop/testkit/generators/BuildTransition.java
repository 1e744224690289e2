package io.buildstop.testkit.generators;

import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildEvents;
import io.buildstop.domain.model.Build;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One step of a build's life as a backend takes it: the call that made it ({@code start}, {@code advance}, {@code
 * complete FAILED}, {@code stop}), the build before and after, and the instant. Its {@link #events()} are what
 * {@link BuildEvents} derives from it; a failing property prints the call, so the report reads as a reproduction.
 *
 * @param call the lifecycle call, as a CLI would name it
 * @param before the build before the call
 * @param after the build the call left
 * @param at when the call happened
 */
public record BuildTransition(String call, Build before, Build after, Instant at) {

  /** Checks that no member is null. */
  public BuildTransition {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(at, "at");
  }

  /** The events of this transition, with buildstop's name-based ids. */
  public List<BuildEvent> events() {
    return BuildEvents.of(before, after, at);
  }

  @Override
  public String toString() {
    return call + " at " + at + " of " + before.id().orElse("a build without id") + " in "
        + before.currentPhaseAsString().orElse("no phase") + " (" + before.buildStatusAsString().orElse("no status")
        + ")";
  }
}
