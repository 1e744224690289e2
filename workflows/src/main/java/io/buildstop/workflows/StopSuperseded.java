package io.buildstop.workflows;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.workflows.internal.ParallelStops;
import io.buildstop.workflows.internal.Planned;
import io.buildstop.workflows.internal.ProjectBuilds;
import io.buildstop.workflows.internal.Settings;
import io.buildstop.workflows.internal.StopPorts;
import io.buildstop.workflows.internal.Supersedable;
import io.buildstop.workflows.internal.SupersededRule;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Stops the superseded builds of a branch or pull request: for one project and one source version ({@code main},
 * {@code pr/7}, exactly as CodeBuild records it in {@code sourceVersion}), every build still in progress except the
 * newest ({@link SupersededPolicy#keepNewest()}), or except those not older than a given build ({@link
 * SupersededPolicy#olderThan(BuildId)}). Builds of another project or source version are never touched.
 *
 * <p>{@link #plan} is the decision, a pure function; {@link #run()} reads the project's builds, plans and stops, and
 * reports one line per planned build. Instances are immutable and thread-safe; each setter returns a copy. Nothing
 * is null, and nothing throws out of {@code run}.
 */
public final class StopSuperseded {
  private final BuildStopper stopper;
  private final BuildReader reader;
  private final Optional<StopPorts<BuildBatch>> batches;
  private final Optional<String> project;
  private final Optional<String> sourceVersion;
  private final SupersededPolicy policy;
  private final Settings settings;

  private StopSuperseded(BuildStopper stopper, BuildReader reader, Optional<StopPorts<BuildBatch>> batches,
      Optional<String> project, Optional<String> sourceVersion, SupersededPolicy policy, Settings settings) {
    this.stopper = Objects.requireNonNull(stopper, "stopper");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.batches = batches;
    this.project = project;
    this.sourceVersion = sourceVersion;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.settings = settings;
  }

  /**
   * Stop-superseded over these ports, keeping the newest build; set {@link #project(String)} and {@link
   * #sourceVersion(String)} before {@link #run()}. Defaults: 4 stops at once, 5 attempts per call with {@link
   * Backoff#defaults()}, the thread's own sleep, for real.
   *
   * @throws NullPointerException if a port is null
   */
  public static StopSuperseded of(BuildStopper stopper, BuildReader reader) {
    return new StopSuperseded(stopper, reader, Optional.empty(), Optional.empty(), Optional.empty(),
        SupersededPolicy.keepNewest(), Settings.defaults());
  }

  /**
   * A copy that covers the project's build batches too, read and stopped through these ports
   * (ListBuildBatchesForProject, BatchGetBuildBatches, StopBuildBatch).
   *
   * @throws NullPointerException if a port is null
   */
  public StopSuperseded batches(BuildBatchStopper batchStopper, BuildBatchReader batchReader) {
    return new StopSuperseded(stopper, reader, Optional.of(StopPorts.batches(batchStopper, batchReader)), project,
        sourceVersion, policy, settings);
  }

  /** A copy for the builds of this project. */
  public StopSuperseded project(String project) {
    return new StopSuperseded(stopper, reader, batches, Optional.of(project), sourceVersion, policy, settings);
  }

  /** A copy for the builds of this source version: a branch, {@code pr/N}, a commit, as in {@code sourceVersion}. */
  public StopSuperseded sourceVersion(String sourceVersion) {
    return new StopSuperseded(stopper, reader, batches, project, Optional.of(sourceVersion), policy, settings);
  }

  /** A copy that keeps the newest build of the pair and stops the other running ones (the default). */
  public StopSuperseded keepNewest() {
    return policy(SupersededPolicy.keepNewest());
  }

  /**
   * A copy that stops the running builds of the pair older than {@code reference}, a build of the same project (or,
   * covering batches, a batch of it).
   */
  public StopSuperseded olderThan(BuildId reference) {
    return policy(SupersededPolicy.olderThan(reference));
  }

  /** A copy with this policy. */
  public StopSuperseded policy(SupersededPolicy policy) {
    return new StopSuperseded(stopper, reader, batches, project, sourceVersion, policy, settings);
  }

  /** A copy that, when {@code dryRun}, reads and reports {@link Outcome.WouldStop} lines but stops nothing. */
  public StopSuperseded dryRun(boolean dryRun) {
    return withSettings(settings.withDryRun(dryRun));
  }

  /**
   * A copy that runs at most {@code concurrency} stops at once.
   *
   * @throws IllegalArgumentException if {@code concurrency} is below 1
   */
  public StopSuperseded concurrency(int concurrency) {
    return withSettings(settings.withConcurrency(concurrency));
  }

  /**
   * A copy that calls at most {@code maxAttempts} times per stop or read while throttled or unavailable. Over
   * {@code AwsBuildStopper}, build it with {@code maxAttempts(1)} so that these are the only retries: the SDK's own
   * would multiply them (5 here of 3 there: 15 HTTP calls per stop).
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1
   */
  public StopSuperseded maxAttempts(int maxAttempts) {
    return withSettings(settings.withMaxAttempts(maxAttempts));
  }

  /** A copy that waits between retries as {@code backoff} says. */
  public StopSuperseded backoff(Backoff backoff) {
    return withSettings(settings.withBackoff(backoff));
  }

  /** A copy that waits with {@code sleeper}. */
  public StopSuperseded sleeper(Sleeper sleeper) {
    return withSettings(settings.withSleeper(sleeper));
  }

  /** A copy that draws jitter from {@code random}, under a lock, from several threads. */
  public StopSuperseded random(RandomGenerator random) {
    return withSettings(settings.withRandom(random));
  }

  private StopSuperseded withSettings(Settings changed) {
    return new StopSuperseded(stopper, reader, batches, project, sourceVersion, policy, changed);
  }

  /**
   * Reads the project's builds (every page), and its batches when covering them, plans with {@link #plan} and stops
   * the planned builds and batches.
   *
   * @return one line per planned build or batch, in the plan's order (newest first): {@link Outcome.Stopped}, {@link
   *     Outcome.AlreadyComplete} (it completed meanwhile), {@link Outcome.NotFound}, {@link Outcome.Failed}, or
   *     {@link Outcome.WouldStop} in a dry run; a batch's line is of kind {@link StopReportLine.Kind#BUILD_BATCH}.
   *     {@code Left}: {@link StopFailure.InvalidInput} when the project or source version is not set or the
   *     reference is of another project; {@link StopFailure.ResourceNotFound} when the reference is not among the
   *     project's builds (or batches); or the read failure that outlasted the retries (nothing was stopped then).
   *     Never null, never throws.
   */
  public Either<StopFailure, StopReport> run() {
    if (project.isEmpty() || sourceVersion.isEmpty()) {
      return Either.left(new StopFailure.InvalidInput(
          "stop-superseded needs a project and a source version", Optional.empty()));
    }
    try {
      return checkReference(project.get(), policy)
          .flatMap(valid -> read(project.get()))
          .flatMap(runs -> SupersededRule.plan(runs, Planned::supersedable, project.get(), sourceVersion.get(),
              policy))
          .map(planned -> ParallelStops.run(planned, settings));
    } catch (RuntimeException e) {
      // the workflow's promise: failures are values, even a bug's
      return Either.left(StopFailure.unavailable("stop-superseded failed: " + e, e));
    }
  }

  // the builds, then the batches: both read before anything is stopped
  private Either<StopFailure, List<Planned<?>>> read(String project) {
    List<Planned<?>> runs = new ArrayList<>();
    Either<StopFailure, List<Planned<?>>> builds = read(StopPorts.builds(stopper, reader), project);
    if (builds.isLeft()) {
      return builds;
    }
    runs.addAll(builds.get());
    if (batches.isPresent()) {
      Either<StopFailure, List<Planned<?>>> read = read(batches.get(), project);
      if (read.isLeft()) {
        return read;
      }
      runs.addAll(read.get());
    }
    return Either.right(runs);
  }

  private <T> Either<StopFailure, List<Planned<?>>> read(StopPorts<T> ports, String project) {
    return ProjectBuilds.read(ports, project, settings.retrying())
        .map(read -> read.stream().<Planned<?>>map(item -> new Planned<>(ports, item)).toList());
  }

  /**
   * Which builds to stop: a pure function, the rule of {@link #plan(List, List, String, String, SupersededPolicy)}
   * over builds alone.
   *
   * <p>The pair is the builds whose {@code projectName} is {@code project} and whose {@code sourceVersion} is
   * {@code sourceVersion}, batch members left out (a member build stops with its batch). With {@link
   * SupersededPolicy.KeepNewest}, the newest build of the pair (by start time, then build number; completed builds
   * count, so a newer finished build supersedes older running ones) is kept and every other IN_PROGRESS build of the
   * pair is planned. With {@link SupersededPolicy.OlderThan}, every IN_PROGRESS build of the pair strictly older than
   * the reference is planned. Nothing else ever is: no build of another pair, no complete build, no build twice.
   *
   * @param buildsOfProject the builds read; builds of other projects and builds without a valid id are ignored
   * @return the builds to stop, newest first; {@link StopFailure.InvalidInput} if the reference is of another
   *     project, {@link StopFailure.ResourceNotFound} if it is not among {@code buildsOfProject}. Never throws.
   */
  public static Either<StopFailure, List<Build>> plan(List<Build> buildsOfProject, String project,
      String sourceVersion, SupersededPolicy policy) {
    return plan(buildsOfProject, List.of(), project, sourceVersion, policy).map(SupersededPlan::builds);
  }

  /**
   * Which builds and batches to stop: a pure function, one rule for both. A batch is one run of its project and
   * source version, as a build is: the runs of the pair are its builds (batch members left out) and its batches,
   * ordered together by start time, then number (build number, batch number), then id. With {@link
   * SupersededPolicy.KeepNewest} the newest run is kept (a complete one counts) and every other running one is
   * planned; with {@link SupersededPolicy.OlderThan}, every running one strictly older than the reference, a build or
   * a batch of the project.
   *
   * @param buildsOfProject the builds read; those of other projects or without a valid id are ignored
   * @param batchesOfProject the batches read, likewise
   * @return the builds and the batches to stop, each newest first; {@link StopFailure.InvalidInput} if the reference
   *     is of another project, {@link StopFailure.ResourceNotFound} if it is among neither list. Never throws.
   */
  public static Either<StopFailure, SupersededPlan> plan(List<Build> buildsOfProject,
      List<BuildBatch> batchesOfProject, String project, String sourceVersion, SupersededPolicy policy) {
    List<Either<Build, BuildBatch>> runs = new ArrayList<>();
    buildsOfProject.forEach(build -> runs.add(Either.left(build)));
    batchesOfProject.forEach(batch -> runs.add(Either.right(batch)));
    return checkReference(project, policy)
        .flatMap(valid -> SupersededRule.plan(runs,
            run -> run.fold(Supersedable::of, Supersedable::of), project, sourceVersion, policy))
        .map(planned -> new SupersededPlan(
            planned.stream().filter(Either::isLeft).map(Either::getLeft).toList(),
            planned.stream().filter(Either::isRight).map(Either::get).toList()));
  }

  private static Either<StopFailure, SupersededPolicy> checkReference(String project, SupersededPolicy policy) {
    if (policy instanceof SupersededPolicy.OlderThan olderThan
        && !olderThan.reference().projectName().equals(project)) {
      return Either.left(new StopFailure.InvalidInput("the reference build " + olderThan.reference()
          + " is not a build of project " + project, Optional.empty()));
    }
    return Either.right(policy);
  }
}
