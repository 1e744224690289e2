package io.buildstop.testkit.generators;

import io.buildstop.domain.lifecycle.BatchRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A started batch and the events that follow, each {@link BatchStep#gapMillis()} after the one before: every state a
 * batch passes through, for properties that check each one. Its {@code toString} is the recipe: the batch section's
 * kind and size, then the events as calls.
 *
 * @param start the batch as StartBuildBatch left it
 * @param startedAt the instant of {@code start}'s last phase, from which the gaps count
 * @param steps the events, in order; an unmodifiable copy
 */
public record BatchHistory(BatchRun start, Instant startedAt, List<BatchStep> steps) {

  /** Rejects nulls and copies the steps. */
  public BatchHistory {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(startedAt, "startedAt");
    steps = List.copyOf(steps);
  }

  /** One state of the history and the instant of the step that led to it. */
  public record State(BatchRun run, Instant at) {}

  /** The start, then the state after each step: {@code steps().size() + 1} states. */
  public List<State> states() {
    List<State> states = new ArrayList<>();
    BatchRun run = start;
    Instant at = startedAt;
    states.add(new State(run, at));
    for (BatchStep step : steps) {
      at = at.plusMillis(step.gapMillis());
      run = step.apply(run, at);
      states.add(new State(run, at));
    }
    return List.copyOf(states);
  }

  /** The last state. */
  public State last() {
    List<State> states = states();
    return states.get(states.size() - 1);
  }

  @Override
  public String toString() {
    return "start-build-batch (" + start.members().size() + " builds" + (start.fastFail() ? ", fast-fail" : "")
        + ") then " + steps;
  }
}
