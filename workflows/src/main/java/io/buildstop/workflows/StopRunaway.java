package io.buildstop.workflows;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.workflows.internal.Builds;
import io.buildstop.workflows.internal.ParallelStops;
import io.buildstop.workflows.internal.Planned;
import io.buildstop.workflows.internal.ProjectBuilds;
import io.buildstop.workflows.internal.Settings;
import io.buildstop.workflows.internal.StopPorts;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Stops runaway builds: the builds of one or more projects that are still in progress and started more than a given
 * duration ago.
 *
 * <p>{@link #plan} is the decision, a pure function; {@link #run()} reads every project's builds first, then plans
 * and stops, and reports one line per planned build. Instances are immutable and thread-safe; each setter returns a
 * copy. Nothing is null, and nothing throws out of {@code run}.
 */
public final class StopRunaway {
  private final BuildStopper stopper;
  private final BuildReader reader;
  private final List<String> projects;
  private final Optional<Duration> olderThan;
  private final Clock clock;
  private final Settings settings;

  private StopRunaway(BuildStopper stopper, BuildReader reader, List<String> projects, Optional<Duration> olderThan,
      Clock clock, Settings settings) {
    this.stopper = Objects.requireNonNull(stopper, "stopper");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.projects = List.copyOf(projects);
    this.olderThan = olderThan;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = settings;
  }

  /**
   * Stop-runaway over these ports; set {@link #projects(String...)} and {@link #olderThan(Duration)} before {@link
   * #run()}. Defaults: the system UTC clock, 4 stops at once, 5 attempts per call with {@link Backoff#defaults()},
   * the thread's own sleep, for real.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopRunaway of(BuildStopper stopper, BuildReader reader) {
    return new StopRunaway(stopper, reader, List.of(), Optional.empty(), Clock.systemUTC(), Settings.defaults());
  }

  /** A copy for the builds of these projects, each once, in this order; replaces the projects set before. */
  public StopRunaway projects(String... projects) {
    return projects(List.of(projects));
  }

  /** A copy for the builds of these projects, each once, in this order; replaces the projects set before. */
  public StopRunaway projects(Collection<String> projects) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(projects));
    return new StopRunaway(stopper, reader, distinct, olderThan, clock, settings);
  }

  /**
   * A copy that stops the builds that started more than {@code age} before now.
   *
   * @throws IllegalArgumentException if {@code age} is negative
   */
  public StopRunaway olderThan(Duration age) {
    if (age.isNegative()) {
      throw new IllegalArgumentException("the age must not be negative: " + age);
    }
    return new StopRunaway(stopper, reader, projects, Optional.of(age), clock, settings);
  }

  /** A copy that reads "now" from {@code clock}. */
  public StopRunaway clock(Clock clock) {
    return new StopRunaway(stopper, reader, projects, olderThan, clock, settings);
  }

  /** A copy that, when {@code dryRun}, reads and reports {@link Outcome.WouldStop} lines but stops nothing. */
  public StopRunaway dryRun(boolean dryRun) {
    return withSettings(settings.withDryRun(dryRun));
  }

  /**
   * A copy that runs at most {@code concurrency} stops at once.
   *
   * @throws IllegalArgumentException if {@code concurrency} is below 1
   */
  public StopRunaway concurrency(int concurrency) {
    return withSettings(settings.withConcurrency(concurrency));
  }

  /**
   * A copy that calls at most {@code maxAttempts} times per stop or read while throttled or unavailable. Over
   * {@code AwsBuildStopper}, build it with {@code maxAttempts(1)} so that these are the only retries: the SDK's own
   * would multiply them (5 here of 3 there: 15 HTTP calls per stop).
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1
   */
  public StopRunaway maxAttempts(int maxAttempts) {
    return withSettings(settings.withMaxAttempts(maxAttempts));
  }

  /** A copy that waits between retries as {@code backoff} says. */
  public StopRunaway backoff(Backoff backoff) {
    return withSettings(settings.withBackoff(backoff));
  }

  /** A copy that waits with {@code sleeper}. */
  public StopRunaway sleeper(Sleeper sleeper) {
    return withSettings(settings.withSleeper(sleeper));
  }

  /** A copy that draws jitter from {@code random}, under a lock, from several threads. */
  public StopRunaway random(RandomGenerator random) {
    return withSettings(settings.withRandom(random));
  }

  private StopRunaway withSettings(Settings changed) {
    return new StopRunaway(stopper, reader, projects, olderThan, clock, changed);
  }

  /**
   * Reads the builds of every project (all of them before any stop), plans with {@link #plan} at the clock's
   * instant and stops the planned builds.
   *
   * @return one line per planned build, projects in the order given, each project's newest first: {@link
   *     Outcome.Stopped}, {@link Outcome.AlreadyComplete} (it completed meanwhile), {@link Outcome.NotFound},
   *     {@link Outcome.Failed}, or {@link Outcome.WouldStop} in a dry run. {@code Left}: {@link
   *     StopFailure.InvalidInput} when no project or no age is set; or the first read failure that outlasted the
   *     retries (nothing was stopped then). Never null, never throws.
   */
  public Either<StopFailure, StopReport> run() {
    if (projects.isEmpty() || olderThan.isEmpty()) {
      return Either.left(new StopFailure.InvalidInput(
          "stop-runaway needs at least one project and an age", Optional.empty()));
    }
    try {
      StopPorts<Build> ports = StopPorts.builds(stopper, reader);
      List<Build> builds = new ArrayList<>();
      for (String project : projects) {
        Either<StopFailure, List<Build>> read = ProjectBuilds.read(ports, project, settings.retrying());
        if (read.isLeft()) {
          return Either.left(read.getLeft());
        }
        builds.addAll(read.get());
      }
      Instant now = clock.instant();
      List<Planned<?>> plan = plan(builds, Set.copyOf(projects), now, olderThan.get()).stream()
          .<Planned<?>>map(build -> new Planned<>(ports, build))
          .toList();
      return Either.right(ParallelStops.run(plan, settings));
    } catch (RuntimeException e) {
      // the workflow's promise: failures are values, even a bug's or a broken clock's
      return Either.left(StopFailure.unavailable("stop-runaway failed: " + e, e));
    }
  }

  /**
   * Which builds to stop: a pure function. A build is planned when it is of one of {@code projects}, IN_PROGRESS,
   * and its {@code startTime} is strictly before {@code now − age}; a build without a start time never is.
   *
   * @param builds the builds read; builds without a valid id are ignored, and each build is planned once
   * @return the builds to stop, in the order of {@code builds}; never null, never throws
   */
  public static List<Build> plan(List<Build> builds, Set<String> projects, Instant now, Duration age) {
    Instant cutoff = now.minus(age);
    return Builds.distinctById(builds).stream()
        .filter(build -> build.projectName().filter(projects::contains).isPresent())
        .filter(StopRules::isStoppable)
        .filter(build -> build.startTime().filter(started -> started.isBefore(cutoff)).isPresent())
        .toList();
  }
}
