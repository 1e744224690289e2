package io.buildstop.testkit.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Model-based testing (QuickCheck's state machines): generated sessions of steps run against a state that holds
 * the system under test and a model of it; after every step every invariant is checked. A failing session is
 * shrunk (fewer and simpler steps) and reported as the lines of the steps that ran, each written like a CLI call,
 * so that it reads as a reproduction recipe.
 *
 * <pre>{@code
 * ModelCheck.startingWith(Simulation::new)
 *     .steps(4, Gens.oneOf("p1", "p2").map(p -> ModelCheck.step("start-build --project-name " + p, s -> s.start(p))))
 *     .steps(4, Gens.ints(0, 99).map(k -> state -> state.stopTheNth(k)))   // a step that may not apply
 *     .invariant("the store matches the model", Simulation::storeMatchesTheModel)
 *     .check(Property.tries(200));
 * }</pre>
 *
 * <p>A step that needs something the state may not have (a build to stop) returns {@link Optional#empty()} when it
 * does not apply, and is skipped: generate such steps with an index and resolve it against the state when the step
 * runs (the k-th started build, modulo how many there are), so that shrinking keeps them meaningful.
 *
 * @param <S> the state a session runs on: system under test and model together
 */
public final class ModelCheck<S> {

  /**
   * One step of a session.
   *
   * @param <S> the state it runs on
   */
  @FunctionalInterface
  public interface Step<S> {
    /**
     * Runs this step on {@code state}, checking what it returns against the model.
     *
     * @return the line that describes what it did, like a CLI call; empty when the step does not apply to this
     *     state, which it then leaves untouched
     */
    Optional<String> runOn(S state);
  }

  private final Gen<Supplier<S>> initials;
  private final List<Pair<Integer, Gen<Step<S>>>> steps = new ArrayList<>();
  private final Map<String, Predicate<S>> invariants = new LinkedHashMap<>();
  private int maxSteps = 30;

  private ModelCheck(Gen<Supplier<S>> initials) {
    this.initials = initials;
  }

  /** Sessions that each start from a fresh {@code initial.get()}. */
  public static <S> ModelCheck<S> startingWith(Supplier<S> initial) {
    return new ModelCheck<>(Gens.constant(initial));
  }

  /**
   * Sessions that each start from a state made from a generated seed: {@code newState.apply(seed)}, called afresh
   * for every run of the session.
   */
  public static <T, S> ModelCheck<S> startingFrom(Gen<T> seeds, Function<T, S> newState) {
    return new ModelCheck<>(seeds.map(seed -> () -> newState.apply(seed)));
  }

  /** A step that always applies: runs {@code action}, described by {@code line}. */
  public static <S> Step<S> step(String line, Consumer<S> action) {
    return state -> perform(line, () -> action.accept(state));
  }

  /**
   * Inside a step: runs {@code action} as the step described by {@code line}, so that a failure of the action is
   * reported on that line.
   *
   * @return {@code line}, as {@link Step#runOn} returns it
   */
  public static Optional<String> perform(String line, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | AssertionError failure) {
      throw new FailedStep(line, failure);
    }
    return Optional.of(line);
  }

  // a step's failure with the step's line
  private static final class FailedStep extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final String line;

    FailedStep(String line, Throwable cause) {
      super(line + " failed: " + cause, cause);
      this.line = line;
    }
  }

  /** Adds a kind of step, chosen with {@code weight} relative to the others. */
  public ModelCheck<S> steps(int weight, Gen<? extends Step<S>> kind) {
    steps.add(Pair.of(weight, Gens.<Step<S>>widen(kind)));
    return this;
  }

  /** Adds an invariant, checked on the initial state and after every step; {@code name} appears in failures. */
  public ModelCheck<S> invariant(String name, Predicate<S> invariant) {
    invariants.put(name, invariant);
    return this;
  }

  /** At most {@code maxSteps} steps per session (30 unless set). */
  public ModelCheck<S> maxSteps(int maxSteps) {
    this.maxSteps = maxSteps;
    return this;
  }

  /** The generated sessions; a session shrinks towards fewer steps and towards the first kind of step. */
  public Gen<Session<S>> sessions() {
    if (steps.isEmpty()) {
      throw new IllegalStateException("no steps: add at least one kind with steps(weight, generator)");
    }
    Gen<Step<S>> anyStep = Generate.frequency(List.copyOf(steps));
    return initials.zip(Gens.lists(anyStep, 0, maxSteps), Session::new);
  }

  /**
   * Runs {@code tries} sessions; a failure is shrunk to a minimal session and reported with its steps. QuickTheories
   * shrinks the random draws; then every step whose removal keeps the session failing is removed, one at a time, so
   * the session reported has no step it could do without.
   *
   * @param atEnd called with each session's final state when every step passed, e.g. to collect {@link Coverage}
   * @return how many sessions ran
   * @throws AssertionError with the minimal session's steps, the failure it ends in, and the seed to rerun it; for a
   *     failure that a rerun does not bring back (racing threads), the session as it failed
   */
  public int check(Property tries, Consumer<S> atEnd) {
    List<Session<S>> failed = new ArrayList<>();
    try {
      return tries.forAll(sessions(), session -> {
        try {
          atEnd.accept(run(session));
        } catch (AssertionError | RuntimeException failure) {
          failed.add(session);
          throw failure;
        }
      });
    } catch (AssertionError searchFailure) {
      if (failed.isEmpty()) {
        throw searchFailure;
      }
      Session<S> smallest = failed.stream().min(java.util.Comparator.comparingInt(Session::size)).orElseThrow();
      Session<S> minimal = withoutUnneededSteps(smallest);
      Optional<AssertionError> again = failureOf(minimal);
      if (again.isEmpty()) {
        // a failure that a rerun does not bring back (racing threads): the session as QuickTheories saw it fail
        AssertionError reported = new AssertionError("a session failed, then passed when run again (its failure "
            + "depends on timing): " + searchFailure.getMessage(), searchFailure.getCause());
        reported.addSuppressed(searchFailure);
        throw reported;
      }
      AssertionError failure = again.get();
      AssertionError reported = new AssertionError("minimal failing session: " + failure.getMessage()
          + System.lineSeparator() + "found by QuickTheories: " + searchFailure.getMessage(), failure.getCause());
      reported.addSuppressed(searchFailure);
      throw reported;
    }
  }

  private Session<S> withoutUnneededSteps(Session<S> failing) {
    Session<S> current = failing;
    int i = 0;
    while (i < current.steps.size()) {
      List<Step<S>> fewer = new ArrayList<>(current.steps);
      fewer.remove(i);
      Session<S> candidate = new Session<>(current.initial, fewer);
      if (failureOf(candidate).isPresent()) {
        current = candidate;
      } else {
        i++;
      }
    }
    return current;
  }

  private Optional<AssertionError> failureOf(Session<S> session) {
    try {
      run(session);
      return Optional.empty();
    } catch (AssertionError failure) {
      return Optional.of(failure);
    } catch (RuntimeException failure) {
      return Optional.of(new AssertionError(failure.toString(), failure));
    }
  }

  /** {@link #check(Property, Consumer)} with nothing to do at the end of a session. */
  public int check(Property tries) {
    return check(tries, state -> { });
  }

  /**
   * Runs one session from a fresh state.
   *
   * @return the final state
   * @throws AssertionError naming the step or invariant that failed, after the lines of the steps that ran
   */
  public S run(Session<S> session) {
    S state = session.initial.get();
    List<String> ran = new ArrayList<>();
    session.transcript = ran;
    checkInvariants(state, ran);
    for (Step<S> step : session.steps) {
      Optional<String> line;
      try {
        line = step.runOn(state);
      } catch (FailedStep failure) {
        ran.add(failure.line + "   <== failed: " + failure.getCause());
        throw new AssertionError("the last step failed " + describe(ran), failure.getCause());
      } catch (RuntimeException | AssertionError failure) {
        ran.add("<a step that failed: " + failure + ">");
        throw new AssertionError("the last step failed " + describe(ran), failure);
      }
      line.ifPresent(ran::add);
      if (line.isPresent()) {
        checkInvariants(state, ran);
      }
    }
    return state;
  }

  private void checkInvariants(S state, List<String> ran) {
    invariants.forEach((name, invariant) -> {
      if (!invariant.test(state)) {
        throw new AssertionError("invariant '" + name + "' broken " + describe(ran));
      }
    });
  }

  private static String describe(List<String> ran) {
    StringBuilder text = new StringBuilder("after ").append(ran.size()).append(" step(s):");
    for (int i = 0; i < ran.size(); i++) {
      text.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(ran.get(i));
    }
    return text.toString();
  }

  /**
   * A generated sequence of steps. Its {@code toString} is the lines of the steps that ran the last time it ran
   * (steps that did not apply are left out), so the shrunk session QuickTheories reports is the recipe.
   *
   * @param <S> the state it runs on
   */
  public static final class Session<S> {
    private final Supplier<S> initial;
    private final List<Step<S>> steps;
    private List<String> transcript;

    private Session(Supplier<S> initial, List<Step<S>> steps) {
      this.initial = initial;
      this.steps = List.copyOf(steps);
    }

    /** How many steps were generated, including any that will not apply. */
    public int size() {
      return steps.size();
    }

    @Override
    public String toString() {
      return transcript == null ? steps.size() + " steps, not run yet" : describe(transcript);
    }
  }
}
