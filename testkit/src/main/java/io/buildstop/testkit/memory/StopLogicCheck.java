package io.buildstop.testkit.memory;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.StatusType;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.StopCall;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.ModelCheck;
import io.buildstop.testkit.properties.ModelCheck.Step;
import io.buildstop.testkit.properties.Property;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.quicktheories.core.Gen;

/**
 * Model-based testing of your own stop logic: a generated CodeBuild history (builds starting on branches, advancing,
 * completing, being stopped by someone else, time passing, throttling and outages) plays out in an {@link
 * InMemoryCodeBuild};
 * after every event your code runs against it, and every property you stated is checked on what it saw and did. A
 * failure shrinks to a minimal history, reported one event per line like CLI calls.
 *
 * <pre>{@code
 * StopLogicCheck.of(codeBuild -> StopSuperseded.of(codeBuild, codeBuild).project("web").sourceVersion("main").run())
 *     .projects("web", "api").sourceVersions("main", "feature")
 *     .property("never stops the newest build of the pair", run -> ...)
 *     .check(Property.tries(200));
 * }</pre>
 *
 * <p>Code that decides by time (how long a build has run, how long to wait for a stop to settle) takes the history's
 * clock as well, the one the backend reads:
 *
 * <pre>{@code
 * StopLogicCheck.of((codeBuild, clock) -> StopRunaway.of(codeBuild, codeBuild).projects("web")
 *         .olderThan(Duration.ofMinutes(30)).clock(clock).run())
 *     .property("stops only builds that ran longer than 30 minutes", run -> ...)
 *     .check(Property.tries(200));
 * }</pre>
 *
 * <p>Builds are named {@code <project>#<n>}, the n-th started for the project in the history. Injected failures are
 * armed just before your code runs and disarmed after it, so {@link Run#failuresInjected()} says whether your code
 * may have met them. The clock moves one second per read, so every start time differs, and jumps forward when the
 * history lets time pass ({@link #timePasses(Duration)}). With a {@link #stopLatency(Duration) stop latency}, a stop
 * settles only once that much time has passed, as CodeBuild's do.
 *
 * @param <R> what your code returns
 */
public final class StopLogicCheck<R> {

  /**
   * One run of the code under test, after an event of the history.
   *
   * @param history the events so far, one line each
   * @param before every stored build before the run
   * @param after every stored build after the run
   * @param result what the code under test returned
   * @param stopCalls the StopBuild calls the run made, in order
   * @param failuresInjected how many calls were armed to fail during the run (0 if none)
   * @param startedAt the clock's instant just before the run
   * @param endedAt the clock's instant just after the run
   * @param <R> what the code under test returns
   */
  public record Run<R>(List<String> history, List<Build> before, List<Build> after, R result,
      List<StopCall> stopCalls, int failuresInjected, Instant startedAt, Instant endedAt) {

    /** The build with {@code id} before the run, if there was one. */
    public Optional<Build> before(String id) {
      return before.stream().filter(build -> build.id().equals(Optional.of(id))).findFirst();
    }

    /** The builds the run changed, as they are after it. */
    public List<Build> changed() {
      return after.stream().filter(build -> !before.contains(build)).toList();
    }
  }

  private final BiFunction<InMemoryCodeBuild, Clock, R> codeUnderTest;
  private final Map<String, Predicate<Run<R>>> properties = new LinkedHashMap<>();
  private final List<java.util.function.Consumer<Run<R>>> observers = new ArrayList<>();
  private List<String> projects = List.of("web", "api");
  private List<String> sourceVersions = List.of("main", "feature");
  private int maxEvents = 25;
  private Duration longestPause = Duration.ofMinutes(20);
  private Duration stopLatency = Duration.ZERO;

  private StopLogicCheck(BiFunction<InMemoryCodeBuild, Clock, R> codeUnderTest) {
    this.codeUnderTest = codeUnderTest;
  }

  /** A check of {@code codeUnderTest}, which runs after every event against the in-memory CodeBuild it is given. */
  public static <R> StopLogicCheck<R> of(Function<InMemoryCodeBuild, R> codeUnderTest) {
    Objects.requireNonNull(codeUnderTest, "codeUnderTest");
    return new StopLogicCheck<>((codeBuild, clock) -> codeUnderTest.apply(codeBuild));
  }

  /**
   * A check of {@code codeUnderTest}, which runs after every event against the in-memory CodeBuild and the clock it
   * reads: for code that decides by time.
   */
  public static <R> StopLogicCheck<R> of(BiFunction<InMemoryCodeBuild, Clock, R> codeUnderTest) {
    return new StopLogicCheck<>(Objects.requireNonNull(codeUnderTest, "codeUnderTest"));
  }

  /** The projects builds start in ({@code web} and {@code api} unless set). */
  public StopLogicCheck<R> projects(String... projects) {
    this.projects = List.of(projects);
    return this;
  }

  /** The source versions (branches) builds start on ({@code main} and {@code feature} unless set). */
  public StopLogicCheck<R> sourceVersions(String... sourceVersions) {
    this.sourceVersions = List.of(sourceVersions);
    return this;
  }

  /** At most {@code maxEvents} events per history (25 unless set). */
  public StopLogicCheck<R> maxEvents(int maxEvents) {
    this.maxEvents = maxEvents;
    return this;
  }

  /**
   * Lets time pass between events, each pause a whole number of minutes up to {@code longest} (20 minutes unless
   * set); {@link Duration#ZERO} for histories in which only the clock's own second per read passes.
   *
   * @throws IllegalArgumentException if negative
   */
  public StopLogicCheck<R> timePasses(Duration longest) {
    if (longest.isNegative()) {
      throw new IllegalArgumentException("the longest pause must not be negative: " + longest);
    }
    this.longestPause = longest;
    return this;
  }

  /**
   * How long a stop takes to settle in the in-memory CodeBuild (none unless set): until then, reads show the build
   * still running (spec §4.9).
   *
   * @throws IllegalArgumentException if negative
   */
  public StopLogicCheck<R> stopLatency(Duration stopLatency) {
    if (stopLatency.isNegative()) {
      throw new IllegalArgumentException("stopLatency must not be negative: " + stopLatency);
    }
    this.stopLatency = stopLatency;
    return this;
  }

  /** A property every run must have; {@code name} appears in a failure. It may also throw an assertion error. */
  public StopLogicCheck<R> property(String name, Predicate<Run<R>> holds) {
    properties.put(name, holds);
    return this;
  }

  /** Calls {@code observer} with every run that kept the properties, e.g. to collect {@code Coverage}. */
  public StopLogicCheck<R> observe(java.util.function.Consumer<Run<R>> observer) {
    observers.add(observer);
    return this;
  }

  /**
   * Checks the properties over {@code tries} generated histories.
   *
   * @return how many histories ran
   * @throws AssertionError with the minimal history, the run and the property it broke
   */
  public int check(Property tries) {
    return model().check(tries);
  }

  private ModelCheck<History> model() {
    ModelCheck<History> model = ModelCheck.startingWith(History::new)
        .steps(5, Gens.oneOf(projects).zip(Gens.oneOf(sourceVersions), (project, version) -> event(
            "start-build --project-name " + project + " --source-version " + version,
            history -> history.start(project, version))))
        .steps(4, onABuild((history, name) -> event("advance --id <" + name + ">", h -> h.advance(name))))
        .steps(2, Gens.oneOf(BuildLifecycle.FINAL_STATUSES).flatMap(status -> onABuild((history, name) -> event(
            "complete --id <" + name + "> --status " + status, h -> h.complete(name, status)))))
        .steps(2, onABuild((history, name) -> event(
            "stop-build --id <" + name + ">   (someone else)", h -> h.stopByOthers(name))))
        .steps(1, Gens.ints(1, 3).map(calls -> event(
            "fail-next-calls --count " + calls + " --with ThrottlingException",
            h -> h.arm(calls, new StopFailure.Throttled("Rate exceeded")))))
        .steps(1, Gens.ints(1, 3).map(calls -> event(
            "fail-next-calls --count " + calls + " --with ServiceUnavailable",
            h -> h.arm(calls, new StopFailure.Unavailable("CodeBuild is unavailable", Optional.empty())))))
        .maxSteps(maxEvents);
    long longestMinutes = Math.min(longestPause.toMinutes(), Integer.MAX_VALUE);
    return longestMinutes == 0 ? model : model.steps(2, Gens.ints(1, (int) longestMinutes).map(minutes -> event(
        "time passes --minutes " + minutes, history -> history.clock.pass(Duration.ofMinutes(minutes)))));
  }

  // an event, then a run of the code under test with every property checked
  private Step<History> event(String line, java.util.function.Consumer<History> apply) {
    return history -> {
      apply.accept(history);
      history.lines.add(line);
      return ModelCheck.perform(line + "   -> then the code under test ran", () -> history.runAndCheck());
    };
  }

  private Gen<Step<History>> onABuild(BiFunction<History, String, Step<History>> step) {
    return Gens.ints(0, 29).map(pick -> history -> history.names.isEmpty()
        ? Optional.empty()
        : step.apply(history, history.names.get(pick % history.names.size())).runOn(history));
  }

  /** The state of one history: the in-memory CodeBuild, the builds started, the failures armed for the next run. */
  private final class History {
    private final HistoryClock clock = new HistoryClock(Instant.parse("2026-02-01T08:00:00Z"));
    private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder()
        .clock(clock).stopLatency(stopLatency).build();
    private final List<String> names = new ArrayList<>();
    private final Map<String, BuildId> ids = new LinkedHashMap<>();
    private final Map<String, Integer> started = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private int armed;
    private StopFailure armedFailure;

    void start(String project, String version) {
      Build build = codeBuild.startBuild(Build.builder().projectName(project).sourceVersion(version).build()).get();
      String name = project + "#" + started.merge(project, 1, Integer::sum);
      names.add(name);
      ids.put(name, BuildId.parse(build.id().orElseThrow()).get());
    }

    void advance(String name) {
      codeBuild.advance(ids.get(name).value()).get();
    }

    void complete(String name, StatusType status) {
      codeBuild.complete(ids.get(name).value(), status).get();
    }

    void stopByOthers(String name) {
      codeBuild.stopBuild(ids.get(name)).get();
    }

    void arm(int calls, StopFailure failure) {
      armed = calls;
      armedFailure = failure;
    }

    void runAndCheck() {
      List<Build> before = codeBuild.builds();
      int callsBefore = codeBuild.stopCalls().size();
      int injected = armed;
      if (armed > 0) {
        codeBuild.failNextCalls(armed, armedFailure);
      }
      Instant startedAt = clock.instant();
      R result;
      try {
        result = codeUnderTest.apply(codeBuild, clock);
      } finally {
        codeBuild.failNextCalls(0, new StopFailure.Throttled("disarmed"));
        armed = 0;
      }
      Instant endedAt = clock.instant();
      List<StopCall> calls = codeBuild.stopCalls();
      Run<R> run = new Run<>(List.copyOf(lines), before, codeBuild.builds(), result,
          List.copyOf(calls.subList(Math.min(callsBefore, calls.size()), calls.size())), injected, startedAt,
          endedAt);
      properties.forEach((name, holds) -> {
        if (!holds.test(run)) {
          throw new AssertionError("property '" + name + "' broken; the code under test returned " + result);
        }
      });
      observers.forEach(observer -> observer.accept(run));
    }
  }

  /**
   * A clock one second later at every read, so that no two builds start at the same instant, and later still by the
   * pauses the history let pass. The code under test may read it from other threads.
   */
  private static final class HistoryClock extends Clock {
    private final Instant origin;
    private final java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();

    HistoryClock(Instant origin) {
      this.origin = origin;
    }

    void pass(Duration pause) {
      seconds.addAndGet(pause.toSeconds());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return origin.plusSeconds(seconds.getAndIncrement());
    }
  }
}
