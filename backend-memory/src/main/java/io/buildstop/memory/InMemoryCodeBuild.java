package io.buildstop.memory;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildBatchIds;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildEventSource;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.api.EventSink;
import io.buildstop.api.RequestedBuildIds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.events.BuildEvents;
import io.buildstop.domain.events.EventIds;
import io.buildstop.domain.lifecycle.BatchDeletion;
import io.buildstop.domain.lifecycle.BuildDeletion;
import io.buildstop.domain.lifecycle.BuildRetryRules;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.lifecycle.BatchPolicy;
import io.buildstop.domain.lifecycle.BatchRetryRules;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.lifecycle.RetryBuildBatchType;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.buildspec.BatchBuildspecReader;
import io.buildstop.memory.internal.BatchStore;
import io.buildstop.memory.internal.BuildListing;
import io.buildstop.memory.internal.BuildStore;
import io.buildstop.memory.internal.CallHistory;
import io.buildstop.memory.internal.EventQueue;
import io.buildstop.memory.internal.FailureInjection;
import io.buildstop.memory.internal.NewBuilds;
import io.buildstop.memory.internal.PendingStops;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An in-memory CodeBuild: both ports ({@link BuildStopper}, {@link BuildReader}) for tests and embedding, and the
 * CodeBuild the local endpoint serves. It holds projects ({@link #createProject(Project)}, {@link #project(String)},
 * {@link #projects()}) and builds; it starts builds in one atomic step, lists them in one order with one paging
 * scheme ({@link #listBuilds}, {@link #listBuildsForProject(String, SortOrderType, Optional)}), settles stops late
 * when asked (spec §4.9), injects failures, keeps a call history, and holds a bounded number of builds ({@link
 * Builder#maxBuilds(int)}).
 *
 * <p>Builds are kept by id. Every change to a build (stop, advance, complete) is one atomic update that applies the
 * domain's rules ({@link StopRules}, {@link BuildLifecycle}) at the instant of this backend's {@link Clock}: under
 * any number of threads a build makes each transition exactly once, and every caller of a stop gets the same
 * resulting build. Seed builds with {@link #startBuild(String)}, {@link #advance(String)}, {@link
 * #complete(String, StatusType)} or {@link #put(Build)}; test code can also make the next calls fail ({@link
 * #failNextCalls(int, StopFailure)}) and read what was asked ({@link #stopCalls()}).
 *
 * <p>Every transition of a build emits its build events, as CodeBuild sends them to EventBridge, to the listeners
 * ({@link #addEventListener(EventSink)}, {@link BuildEventRecorder} for assertions): once, in order, off the
 * transition's thread (docs/build-events.md, "Emission").
 *
 * <p>Thread-safe. No method returns null; the port's methods and the seeding methods never throw.
 */
public final class InMemoryCodeBuild
    implements BuildStopper, BuildReader, BuildBatchStopper, BuildBatchReader, BuildEventSource {
  private final Clock clock;
  private final String partition;
  private final String region;
  private final String accountId;
  private final BuildStore store;
  private final BatchStore batches;
  private final ConcurrentHashMap<String, AtomicLong> batchNumbers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicLong> buildNumbers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Build> defaultConfigurations = new ConcurrentHashMap<>();
  private final CallHistory<StopCall> stopCalls;
  private final CallHistory<StopBuildBatchCall> stopBuildBatchCalls;
  // one counter for the calls that change builds and batches (StopBuild, StopBuildBatch, RetryBuildBatch,
  // DeleteBuildBatch): "the next N calls fail", in the order they arrive, whichever they are
  private final FailureInjection failures = new FailureInjection();
  private final PendingStops<Build> pendingStops;
  private final PendingStops<BatchRun> pendingBatchStops;
  // a token is StartBuild's, StartBuildBatch's or RetryBuildBatch's: each operation honours its own
  private final ConcurrentHashMap<String, TokenUse> idempotencyTokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TokenUse> batchStartTokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TokenUse> retryTokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TokenUse> retryBuildTokens = new ConcurrentHashMap<>();
  // by name: CodeBuild's projects are unique by name within a region and account
  private final ConcurrentHashMap<String, Project> projects = new ConcurrentHashMap<>();
  private final int maxProjects;
  // the names of projects DeleteProject deleted, until created again: their builds stay, but the project is gone
  private final Set<String> deletedProjects = ConcurrentHashMap.newKeySet();
  private final EventQueue events;
  private final Duration stopLatency;
  // one daemon thread for every backend: it settles late stops on time for listeners (settleOnTimeForListeners)
  private static final ScheduledExecutorService LATE_STOPS = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "buildstop-late-stops");
    thread.setDaemon(true);
    return thread;
  });
  // a new build's "before" for its events: no status, so a new build stored running is a start
  private static final Build NO_BUILD = Build.builder().build();

  /**
   * An idempotency token as first used: with what parameters, the build it started (StartBuild) or the batch it
   * started or retried (StartBuildBatch, RetryBuildBatch), when.
   */
  private record TokenUse(String parameters, BuildId build, Instant at) {}

  /** How long CodeBuild honours a StartBuild's idempotency token: five minutes. */
  public static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(5);

  private InMemoryCodeBuild(Builder builder) {
    this.clock = builder.clock;
    this.pendingStops = new PendingStops<>(builder.stopLatency, StopRules::stop, StopRules::isStoppable);
    this.pendingBatchStops = new PendingStops<>(builder.stopLatency, BatchStopRules::stop,
        run -> BatchStopRules.isStoppable(run.batch()));
    this.events = new EventQueue(builder.eventQueueCapacity);
    this.stopLatency = builder.stopLatency;
    builder.eventListeners.forEach(events::addListener);
    this.store = new BuildStore(builder.maxBuilds, builder.wholeCompleteBuilds, this::emit);
    this.batches = new BatchStore(store, pendingStops::forget, builder.maxBuildBatches);
    this.maxProjects = builder.maxProjects;
    this.stopCalls = new CallHistory<>(builder.stopCallHistory);
    this.stopBuildBatchCalls = new CallHistory<>(builder.stopCallHistory);
    this.partition = builder.partition;
    this.region = builder.region;
    this.accountId = builder.accountId;
  }

  /** An empty backend on the system UTC clock, in {@code us-east-1} of account {@code 123456789012}. */
  public static InMemoryCodeBuild create() {
    return builder().build();
  }

  /** A builder to set the clock and the region and account that build ARNs name. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Either<StopFailure, Build> stopBuild(String id) {
    return recorded(String.valueOf(id), at -> BuildId.parse(id).flatMap(parsed -> stopAt(parsed, at)));
  }

  @Override
  public Either<StopFailure, Build> stopBuild(BuildId id) {
    if (id == null) {
      return stopBuild((String) null);
    }
    return recorded(id.value(), at -> stopAt(id, at));
  }

  private Either<StopFailure, Build> recorded(String requestedId, Function<Instant, Either<StopFailure, Build>> stop) {
    // the port never throws: a failure of the caller's clock or of this code becomes a value that keeps its cause
    Either<StopFailure, Instant> at = instantNow();
    Either<StopFailure, Build> result = at.flatMap(instant -> Try.of(() -> stop.apply(instant))
        .getOrElseGet(failure -> Either.left(StopFailure.unavailable("the in-memory backend failed", failure))));
    // bounded: a long-running endpoint answers StopBuild millions of times, and must not keep every answer
    stopCalls.add(new StopCall(requestedId, at.getOrElse(Instant.EPOCH), result));
    return result;
  }

  private Either<StopFailure, Build> stopAt(BuildId id, Instant at) {
    Optional<StopFailure> injected = failures.take();
    if (injected.isPresent()) {
      return Either.left(injected.get());
    }
    // a build that is not running stays as it is (spec §4.3, §4.4), so a read answers it. A server under load mostly
    // repeats stops, and writing the same build back would dirty a card of the old generation every time, for the
    // next young collection to scan: with 100,000 builds that lengthened its pauses (BENCHMARKS.md, scale)
    Build current = store.get(id).orElse(null);
    if (current != null && !StopRules.isStoppable(current) && !pendingStops.isPending(id)) {
      return Either.right(current);
    }
    // a batch's member stops in its batch's atomic step, which settles the batch (BatchPolicy); at once, whatever the
    // stop latency: the latency is a lone build's (and its batch's)
    Either<StopFailure, Build> stopped = changeBuild(id, at, build -> pendingStops.stop(id, build, at),
        member -> run -> BatchLifecycle.stopMember(run, member.identifier(), at));
    settleOnTimeForListeners();
    return stopped;
  }

  // A late stop settles on the first call after its latency (spec §4.9), which is all a caller that polls can see. A
  // listener waits for events instead, and would wait for ever if nothing called: with listeners, a late stop also
  // settles once its latency has passed on this backend's clock, a moment after it has on the wall clock. With a
  // clock that does not move by itself nothing is due then, and the next call settles it as before.
  private void settleOnTimeForListeners() {
    if (!stopLatency.isZero() && events.isListened()) {
      LATE_STOPS.schedule(this::settleDueStops, stopLatency.toNanos() + TimeUnit.MILLISECONDS.toNanos(5),
          TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public Either<StopFailure, BatchGetBuildsResult> batchGetBuilds(List<String> ids) {
    return RequestedBuildIds.parse(ids).map(requested -> {
      List<Build> found = new ArrayList<>();
      List<String> notFound = new ArrayList<>();
      for (BuildId id : requested.ids()) {
        build(id).ifPresentOrElse(found::add, () -> notFound.add(requested.asGiven(id)));
      }
      return new BatchGetBuildsResult(found, notFound);
    });
  }


  /**
   * {@inheritDoc}
   *
   * <p>This backend keeps no projects: a project without builds lists no ids rather than being not found.
   */
  @Override
  public Either<StopFailure, BuildIdPage> listBuildsForProject(String projectName, Optional<String> nextToken) {
    return listBuildsForProject(projectName, SortOrderType.DESCENDING, nextToken);
  }

  /**
   * ListBuildsForProject in either order: one page of the project's build ids, 100 at most, newest first unless
   * {@link SortOrderType#ASCENDING} (start time, then build number, then id: {@link
   * io.buildstop.domain.lifecycle.BuildOrder}).
   *
   * @return the page; {@link StopFailure.InvalidInput} for a malformed project name or a {@code nextToken} this
   *     listing did not hand out
   */
  public Either<StopFailure, BuildIdPage> listBuildsForProject(String projectName, SortOrderType order,
      Optional<String> nextToken) {
    return BuildId.parseProjectName(projectName).flatMap(valid -> {
      settleDueStops();
      return BuildListing.page(store::page, Optional.of(valid), orDescending(order), orEmpty(nextToken));
    });
  }

  /**
   * ListBuilds: one page of the ids of every build held, 100 at most, in {@code order} as {@link
   * #listBuildsForProject(String, SortOrderType, Optional)}.
   *
   * @return the page; {@link StopFailure.InvalidInput} for a {@code nextToken} this listing did not hand out
   */
  public Either<StopFailure, BuildIdPage> listBuilds(SortOrderType order, Optional<String> nextToken) {
    settleDueStops();
    return BuildListing.page(store::page, Optional.empty(), orDescending(order), orEmpty(nextToken));
  }

  /**
   * A page of the ids of the builds {@code which} accepts, of {@code projectName}'s builds (of all when empty), in
   * {@code order}, at most {@code pageSize}: ListBuilds' order and paging scheme, for a viewer that filters and shows
   * fewer at a time (buildstop's page). A page costs the builds looked at until it is full.
   *
   * @return the page; {@link StopFailure.InvalidInput} for a malformed project name, a page size outside 1 to 100 or
   *     a {@code nextToken} this backend's listings did not hand out
   */
  public Either<StopFailure, BuildIdPage> listBuilds(Optional<String> projectName, Predicate<? super Build> which,
      SortOrderType order, Optional<String> nextToken, int pageSize) {
    return viewed(projectName, pageSize).flatMap(project -> {
      settleDueStops();
      return BuildListing.page(store::page, project, id -> store.get(id).filter(which).isPresent(),
          orDescending(order), orEmpty(nextToken), pageSize);
    });
  }

  /** How many of {@code projectName}'s builds (of all when empty) {@code which} accepts now; 0 for a malformed name. */
  public int countBuilds(Optional<String> projectName, Predicate<? super Build> which) {
    settleDueStops();
    return viewed(projectName, 1).map(project -> BuildListing.count(store::page, project,
        id -> store.get(id).filter(which).isPresent())).getOrElse(0);
  }

  /**
   * {@link #listBuilds(Optional, Predicate, SortOrderType, Optional, int)} for batch builds: their ids in the order
   * and paging of {@link #listBuildBatches(SortOrderType, Optional)}.
   */
  public Either<StopFailure, BuildIdPage> listBuildBatches(Optional<String> projectName,
      Predicate<? super BuildBatch> which, SortOrderType order, Optional<String> nextToken, int pageSize) {
    return viewed(projectName, pageSize).flatMap(project -> {
      settleDueStops();
      return BuildListing.page(batches::page, project,
          id -> batches.get(id).map(BatchRun::batch).filter(which).isPresent(), orDescending(order),
          orEmpty(nextToken), pageSize);
    });
  }

  /**
   * How many of {@code projectName}'s batches (of all when empty) {@code which} accepts now; 0 for a malformed name.
   */
  public int countBuildBatches(Optional<String> projectName, Predicate<? super BuildBatch> which) {
    settleDueStops();
    return viewed(projectName, 1).map(project -> BuildListing.count(batches::page, project,
        id -> batches.get(id).map(BatchRun::batch).filter(which).isPresent())).getOrElse(0);
  }

  // a viewer's listing: a project name CodeBuild allows, if any, and a page of 1 to 100
  private static Either<StopFailure, Optional<String>> viewed(Optional<String> projectName, int pageSize) {
    if (pageSize < 1 || pageSize > BuildListing.PAGE_SIZE) {
      return Either.left(new StopFailure.InvalidInput("The page size must be 1 to " + BuildListing.PAGE_SIZE + ": "
          + pageSize, Optional.empty()));
    }
    return projectName.isEmpty()
        ? Either.right(Optional.empty())
        : BuildId.parseProjectName(projectName.get()).map(Optional::of);
  }

  private static SortOrderType orDescending(SortOrderType order) {
    return order == null ? SortOrderType.DESCENDING : order;
  }

  private static Optional<String> orEmpty(Optional<String> nextToken) {
    return nextToken == null ? Optional.empty() : nextToken;
  }

  /**
   * Starts a build of {@code projectName} now, configured like StartBuild's captured response: SUBMITTED
   * succeeded, QUEUED running (spec §3.8), the project's next build number.
   *
   * @return the new build, or {@link StopFailure.InvalidInput} if the name breaks CodeBuild's project-name pattern
   */
  public Either<StopFailure, Build> startBuild(String projectName) {
    // the default configuration is immutable, so the builds of one project share it rather than a copy each
    return BuildId.parseProjectName(projectName)
        .flatMap(valid -> startBuild(defaultConfigurations.computeIfAbsent(valid, NewBuilds::defaultConfiguration)));
  }

  /**
   * Starts a build with the caller's configuration (source, environment, ...) now. Its {@code projectName} is
   * required; id, ARN and build number are assigned; phases, status and times are those of a new build.
   *
   * @return the new build, or {@link StopFailure.InvalidInput} if the project name is missing or malformed
   */
  public Either<StopFailure, Build> startBuild(Build configuration) {
    return startBuild(configuration, UnaryOperator.identity());
  }

  /**
   * Starts a build as {@link #startBuild(Build)} does, and lets {@code withItsId} set the members that name the new
   * build (a log stream, an artifacts location) before it is stored: one step, so no read, stop or advance ever sees
   * the build without them, and nothing can change it in between.
   *
   * @param withItsId given the started build, returns it as it is to be stored: same id, ARN and number
   * @return the build as stored; {@link StopFailure.InvalidInput} if the project name is missing or malformed or
   *     {@code withItsId} changed the build's identity; {@link StopFailure.Unavailable} if {@code withItsId} threw
   *     (nothing is stored then)
   */
  public Either<StopFailure, Build> startBuild(Build configuration, UnaryOperator<Build> withItsId) {
    return startNew(configuration, withItsId);
  }

  /**
   * StartBuild with an idempotency token, as CodeBuild honours one: within {@link #IDEMPOTENCY_WINDOW} of the call
   * that first sent {@code token}, a call with the same token and the same {@code parameters} starts nothing and
   * answers the build that call started, as it is now; a call with other parameters is refused. Once the window has
   * passed, the token starts a new build. Otherwise as {@link #startBuild(Build, UnaryOperator)}.
   *
   * @param token the request's {@code idempotencyToken}
   * @param parameters the rest of the request in a canonical text of the caller's: compared for equality only
   * @return the build; {@link StopFailure.ParameterMismatch} for the token repeated with other parameters; {@link
   *     StopFailure.ResourceNotFound} if the token's build has been evicted since; or as {@link
   *     #startBuild(Build, UnaryOperator)}
   */
  public Either<StopFailure, Build> startBuild(Build configuration, UnaryOperator<Build> withItsId, String token,
      String parameters) {
    if (token == null || parameters == null) {
      return Either.left(missing(token == null ? "an idempotency token" : "the parameters"));
    }
    Either<StopFailure, Instant> now = instantNow();
    if (now.isLeft()) {
      return Either.left(now.getLeft());
    }
    return honouringToken(idempotencyTokens, token, parameters, now.get(), () -> startNew(configuration, withItsId),
        used -> build(used).<Either<StopFailure, Build>>map(Either::right)
            .orElseGet(() -> Either.left(StopFailure.resourceNotFound(used))),
        started -> BuildId.parse(started.id().orElseThrow()).get());
  }

  /**
   * An idempotency token as CodeBuild honours one, for StartBuild and RetryBuildBatch alike: within {@link
   * #IDEMPOTENCY_WINDOW} of the call that first sent {@code token}, a call with the same parameters does nothing
   * and answers what that call made ({@code earlier}), as it is now; one with other parameters is refused.
   */
  private <T> Either<StopFailure, T> honouringToken(ConcurrentHashMap<String, TokenUse> tokens, String token,
      String parameters, Instant now, Supplier<Either<StopFailure, T>> call,
      Function<BuildId, Either<StopFailure, T>> earlier, Function<T, BuildId> idOf) {
    // tokens live five minutes; the map is swept when it has grown, so a long-running endpoint keeps only live ones
    if (tokens.size() >= 1_000) {
      tokens.values().removeIf(used -> !now.isBefore(used.at().plus(IDEMPOTENCY_WINDOW)));
    }
    AtomicReference<Either<StopFailure, T>> answer = new AtomicReference<>();
    // one caller at a time per token: a repeat racing the first call waits for its answer, and never acts twice
    tokens.compute(token, (key, used) -> {
      if (used != null && now.isBefore(used.at().plus(IDEMPOTENCY_WINDOW))) {
        answer.set(!used.parameters().equals(parameters)
            // the token is the caller's free text: it is not echoed
            ? Either.left(new StopFailure.ParameterMismatch("The idempotency token was used in the last "
                + IDEMPOTENCY_WINDOW.toMinutes() + " minutes with other parameters"))
            : earlier.apply(used.build()));
        return used;
      }
      Either<StopFailure, T> made = call.get();
      answer.set(made);
      return made.isRight() ? new TokenUse(parameters, idOf.apply(made.get()), now) : used;
    });
    return answer.get();
  }

  private Either<StopFailure, Build> startNew(Build configuration, UnaryOperator<Build> withItsId) {
    if (configuration == null || withItsId == null) {
      return Either.left(missing(configuration == null ? "a build configuration" : "withItsId"));
    }
    String projectName = configuration.projectName().orElse(null);
    return newBuildId(projectName).flatMap(id -> instantNow().flatMap(at -> {
      long number = buildNumbers.computeIfAbsent(id.projectName(), name -> new AtomicLong()).incrementAndGet();
      Build started = BuildLifecycle.start(Build.builder().from(configuration)
          .id(id.value())
          .arn(NewBuilds.buildArn(partition, region, accountId, id))
          .buildNumber(number)
          .build(), at);
      return Try.of(() -> withItsId.apply(started)).toEither()
          .mapLeft(failure -> StopFailure.unavailable("completing the new build failed", failure))
          .flatMap(complete -> complete != null && complete.id().equals(started.id())
              && complete.arn().equals(started.arn()) && complete.buildNumber().equals(started.buildNumber())
              ? Either.right(complete)
              : Either.left(new StopFailure.InvalidInput(
                  "withItsId must keep the new build's id, ARN and number", Optional.empty())))
          .flatMap(complete -> store.put(stored(id), complete, pendingStops::forget));
    }));
  }

  /**
   * Starts a build of {@code projectName} and advances it until {@code phase} runs: a build in any state a running
   * build can be in, in one call.
   *
   * @param phase SUBMITTED through FINALIZING; a build still in SUBMITTED has that one phase open
   * @return the build as stored, or {@link StopFailure.InvalidInput} for a malformed project name or a phase no
   *     running build is in
   */
  public Either<StopFailure, Build> startBuildInPhase(String projectName, BuildPhaseType phase) {
    int target = BuildLifecycle.RUNNING_PHASES.indexOf(phase);
    if (target < 0) {
      return Either.left(new StopFailure.InvalidInput(
          phase + " is not a phase a running build is in; use one of " + BuildLifecycle.RUNNING_PHASES,
          Optional.empty()));
    }
    Either<StopFailure, Build> build = startBuild(projectName);
    if (phase == BuildPhaseType.SUBMITTED) {
      // StartBuild's answer is already past SUBMITTED: reopen it, as a build caught before queueing looks
      return build.flatMap(started -> put(started
          .withPhases(started.phases().get(0).withPhaseStatusAsString(Optional.empty())
              .withEndTime(Optional.empty()).withDurationInSeconds(Optional.empty()))
          .withCurrentPhase(BuildPhaseType.SUBMITTED)));
    }
    for (int i = BuildLifecycle.RUNNING_PHASES.indexOf(BuildPhaseType.QUEUED); i < target; i++) {
      build = build.flatMap(running -> advance(running.id().orElseThrow()));
    }
    return build;
  }

  /**
   * Starts a build of {@code projectName}, lets it provision, and completes it with {@code finalStatus}.
   *
   * @return the build as stored, or {@link StopFailure.InvalidInput} for a malformed project name or a status that
   *     is not final
   */
  public Either<StopFailure, Build> startCompletedBuild(String projectName, StatusType finalStatus) {
    return startBuildInPhase(projectName, BuildPhaseType.PROVISIONING)
        .flatMap(running -> complete(running.id().orElseThrow(), finalStatus));
  }

  /**
   * Moves a running build to its next phase now; after FINALIZING it completes as SUCCEEDED. A complete build is
   * unchanged.
   *
   * @return the build after the change, {@link StopFailure.InvalidInput} or {@link StopFailure.ResourceNotFound}
   */
  public Either<StopFailure, Build> advance(String id) {
    return BuildId.parse(id).flatMap(parsed -> instantNow().flatMap(at -> changeBuild(parsed, at,
        build -> BuildLifecycle.advance(pendingStops.settle(parsed, build, at, true), at),
        member -> run -> BatchLifecycle.advanceMember(run, member.identifier(), at))));
  }

  /**
   * Completes a running build now with a final status (SUCCEEDED, FAILED, FAULT, TIMED_OUT or STOPPED), as real
   * CodeBuild does (spec §3.9). A complete build is unchanged: it keeps its one terminal state.
   *
   * @return the build after the change; {@link StopFailure.InvalidInput} for a malformed id or a status that is
   *     not final; {@link StopFailure.ResourceNotFound} for an unknown id
   */
  public Either<StopFailure, Build> complete(String id, StatusType finalStatus) {
    // List.of(...).contains(null) throws: a missing status must be InvalidInput like any other non-final one
    if (finalStatus == null || !BuildLifecycle.FINAL_STATUSES.contains(finalStatus)) {
      return Either.left(new StopFailure.InvalidInput(
          finalStatus + " is not a final build status; use one of " + BuildLifecycle.FINAL_STATUSES,
          Optional.empty()));
    }
    return BuildId.parse(id).flatMap(parsed -> instantNow().flatMap(at -> changeBuild(parsed, at,
        build -> BuildLifecycle.complete(pendingStops.settle(parsed, build, at, true), finalStatus, at),
        member -> run -> BatchLifecycle.completeMember(run, member.identifier(), finalStatus, at))));
  }

  // ---- batch builds (issue 18): StopBuildBatch and the batch reads over BatchStore ----

  /**
   * {@inheritDoc}
   *
   * <p>Here StopBuildBatch is one atomic step of the batch and its members ({@link BatchStopRules#stop}). With a
   * {@link Builder#stopLatency(Duration)}, the stop is accepted at once but the batch and its members read as running
   * until the latency has passed; they then settle as if stopped at the call's instant, and a transition of the batch
   * or a member before then settles the stop first (spec §4.9, as for StopBuild). The call takes one of the failures
   * armed by {@link #failNextCalls(int, StopFailure)} and is recorded in {@link #stopBuildBatchCalls()}.
   */
  @Override
  public Either<StopFailure, BuildBatch> stopBuildBatch(String id) {
    Either<StopFailure, Instant> at = instantNow();
    Either<StopFailure, BuildBatch> result = BuildBatchIds.parse(id).flatMap(parsed -> at.flatMap(instant ->
        guarded(() -> this.<BuildBatch>injectedFailure().orElseGet(() ->
            batchResult(parsed, batches.update(parsed, run -> pendingBatchStops.stop(parsed, run, instant)))))));
    settleOnTimeForListeners();
    // bounded, as StopBuild's history
    stopBuildBatchCalls.add(new StopBuildBatchCall(String.valueOf(id), at.getOrElse(Instant.EPOCH), result));
    return result;
  }

  /**
   * RetryBuildBatch now ({@link BatchRetryRules#retry}, in one atomic step of the batch): a batch that has failed
   * runs again in place; each member {@link BatchPolicy#membersToRetry} chooses gets a new build (a new id, ARN and
   * build number of its project), started as the batch's IN_PROGRESS phase lets it; the old build stays a build, no
   * longer the batch's to change. Takes one of the failures armed by {@link #failNextCalls(int, StopFailure)}.
   *
   * @param id the batch id or ARN
   * @param retryType which members run again; empty for {@link BatchPolicy#DEFAULT_RETRY_TYPE}
   * @return the batch after the retry; {@link StopFailure.InvalidInput} for a malformed id or a batch that cannot be
   *     retried (running or succeeded: nothing changes then); {@link StopFailure.ResourceNotFound} for an unknown id;
   *     never throws
   */
  public Either<StopFailure, BuildBatch> retryBuildBatch(String id, Optional<RetryBuildBatchType> retryType) {
    RetryBuildBatchType type = retryType == null ? BatchPolicy.DEFAULT_RETRY_TYPE
        : retryType.orElse(BatchPolicy.DEFAULT_RETRY_TYPE);
    return BuildBatchIds.parse(id).flatMap(parsed -> guarded(() -> instantNow().flatMap(at ->
        this.<BuildBatch>injectedFailure().orElseGet(() -> retryAt(parsed, type, at)))));
  }

  /**
   * RetryBuildBatch with an idempotency token, honoured as StartBuild's ({@link #startBuild(Build, UnaryOperator,
   * String, String)}): within {@link #IDEMPOTENCY_WINDOW}, a repeat with the same {@code parameters} retries nothing
   * and answers the batch as it is now; one with other parameters is refused. Otherwise as {@link
   * #retryBuildBatch(String, Optional)}.
   *
   * @return as {@link #retryBuildBatch(String, Optional)}, or {@link StopFailure.ParameterMismatch}
   */
  public Either<StopFailure, BuildBatch> retryBuildBatch(String id, Optional<RetryBuildBatchType> retryType,
      String token, String parameters) {
    if (token == null || parameters == null) {
      return Either.left(missing(token == null ? "an idempotency token" : "the parameters"));
    }
    return instantNow().flatMap(now -> honouringToken(retryTokens, token, parameters, now,
        () -> retryBuildBatch(id, retryType),
        used -> buildBatch(used).<Either<StopFailure, BuildBatch>>map(Either::right)
            .orElseGet(() -> Either.left(batchNotFound(used))),
        retried -> BuildBatchIds.parse(retried.id().orElseThrow()).get()));
  }

  private Either<StopFailure, BuildBatch> retryAt(BuildId id, RetryBuildBatchType type, Instant at) {
    AtomicReference<StopFailure> refused = new AtomicReference<>();
    Optional<BatchRun> after = batches.update(id, run -> {
      // a stop accepted before the retry settles first: the stop came first
      BatchRun current = pendingBatchStops.settle(id, run, at, true);
      Either<StopFailure, BatchRun> retried = BatchRetryRules.retry(current, type, this::nextAttempt, at);
      retried.peekLeft(refused::set);
      return retried.getOrElse(current);
    });
    return refused.get() != null ? Either.left(refused.get()) : batchResult(id, after);
  }

  // a retried member's new build: its project's next build number, a new id and ARN; it becomes a build as it starts
  private Build nextAttempt(Build member) {
    BuildId id = newBuildId(member.projectName().orElseThrow()).get();
    long number = buildNumbers.computeIfAbsent(id.projectName(), name -> new AtomicLong()).incrementAndGet();
    return member.withId(id.value()).withArn(NewBuilds.buildArn(partition, region, accountId, id))
        .withBuildNumber(number);
  }

  /**
   * DeleteBuildBatch now ({@link BatchDeletion#of}, in one atomic step of the batch): the batch is forgotten with
   * every finished build it ran, prior attempts included; a member still running is not deleted (buildstop's policy,
   * {@link BatchPolicy}) and goes on as a build of its own. Deleted batches and builds are then not found. Takes one
   * of the failures armed by {@link #failNextCalls(int, StopFailure)}.
   *
   * @param id the batch id or ARN
   * @return what was deleted; {@link StopFailure.InvalidInput} for a malformed id or one no batch has (CodeBuild
   *     documents no other error for DeleteBuildBatch); never throws
   */
  public Either<StopFailure, BatchDeletion> deleteBuildBatch(String id) {
    return BuildBatchIds.parse(id).flatMap(parsed -> guarded(() -> this.<BatchDeletion>injectedFailure().orElseGet(() -> {
      Optional<BatchDeletion> deletion = batches.delete(parsed);
      pendingBatchStops.forget(parsed);
      return deletion.<Either<StopFailure, BatchDeletion>>map(Either::right)
          .orElseGet(() -> Either.left(new StopFailure.InvalidInput(batchNotFound(parsed).message(),
              Optional.empty())));
    })));
  }

  // an armed failure, taken by the calls that change builds and batches (one counter: failNextCalls)
  private <T> Optional<Either<StopFailure, T>> injectedFailure() {
    return failures.take().map(Either::left);
  }

  @Override
  public Either<StopFailure, BatchGetBuildBatchesResult> batchGetBuildBatches(List<String> ids) {
    return RequestedBuildIds.parseBatchIds(ids).map(requested -> {
      settleDueStops();
      List<BuildBatch> found = new ArrayList<>();
      List<String> notFound = new ArrayList<>();
      for (BuildId id : requested.ids()) {
        buildBatch(id).ifPresentOrElse(found::add, () -> notFound.add(requested.asGiven(id)));
      }
      return new BatchGetBuildBatchesResult(found, notFound);
    });
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatches(Optional<String> nextToken) {
    return listBuildBatches(SortOrderType.DESCENDING, nextToken);
  }

  /**
   * ListBuildBatches in either order, in the paging of {@link #listBuilds(SortOrderType, Optional)} (start time,
   * then batch number, then id).
   *
   * @return the page of batch ids; {@link StopFailure.InvalidInput} for a {@code nextToken} this listing did not
   *     hand out
   */
  public Either<StopFailure, BuildIdPage> listBuildBatches(SortOrderType order, Optional<String> nextToken) {
    settleDueStops();
    return BuildListing.page(batches::page, Optional.empty(), orDescending(order), orEmpty(nextToken));
  }

  /**
   * {@inheritDoc}
   *
   * <p>This backend keeps no projects for batches: a project without batches lists no ids rather than being not
   * found.
   */
  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatchesForProject(String projectName, Optional<String> nextToken) {
    return listBuildBatchesForProject(projectName, SortOrderType.DESCENDING, nextToken);
  }

  /**
   * ListBuildBatchesForProject in either order, as {@link #listBuildBatches(SortOrderType, Optional)}.
   *
   * @return the page; {@link StopFailure.InvalidInput} for a malformed project name or a foreign {@code nextToken}
   */
  public Either<StopFailure, BuildIdPage> listBuildBatchesForProject(String projectName, SortOrderType order,
      Optional<String> nextToken) {
    return BuildId.parseProjectName(projectName).flatMap(valid -> {
      settleDueStops();
      return BuildListing.page(batches::page, Optional.of(valid), orDescending(order), orEmpty(nextToken));
    });
  }

  /**
   * StartBuildBatch of {@code projectName} with the default configuration ({@link #startBuild(String)}'s) and
   * {@code buildspec}, whose {@code batch} section says what builds the batch runs.
   *
   * @return as {@link #startBuildBatch(BuildBatch, String)}
   */
  public Either<StopFailure, BuildBatch> startBuildBatch(String projectName, String buildspec) {
    return BuildId.parseProjectName(projectName).flatMap(valid -> startBuildBatch(NewBuilds.batchConfiguration(
        defaultConfigurations.computeIfAbsent(valid, NewBuilds::defaultConfiguration)), buildspec));
  }

  /**
   * StartBuildBatch now: the batch section of {@code buildspec} is read ({@link BatchBuildspecReader}) and the batch
   * starts by {@link BatchLifecycle#start}, as CodeBuild returns it (DOWNLOAD_BATCHSPEC running, no member started).
   * The batch gets an id, an ARN ({@link BuildBatchIds#arn}) and its project's next batch number; each member an id,
   * a build ARN and a build number, the batch's configuration with its task's environment overrides, and the
   * batch's ARN as {@code buildBatchArn}. Members become builds of this backend as they start ({@link
   * #advanceBuildBatch(String)}, {@link Lifecycle}).
   *
   * @param configuration the batch's configuration (projectName required; source, environment, ...)
   * @param buildspec the buildspec text: {@code buildspecOverride}, or the project's inline buildspec
   * @return the batch; {@link StopFailure.InvalidInput} for a missing or malformed project name, a buildspec that is
   *     not valid YAML or has no {@code batch} section, or a batch section CodeBuild would refuse (nothing is
   *     stored then); never throws
   */
  public Either<StopFailure, BuildBatch> startBuildBatch(BuildBatch configuration, String buildspec) {
    if (configuration == null || buildspec == null) {
      return Either.left(missing(configuration == null ? "a build batch configuration" : "a buildspec"));
    }
    return guarded(() -> BatchBuildspecReader.read(buildspec).mapLeft(failure -> failure.toStopFailure())
        .flatMap(spec -> spec.<Either<StopFailure, BatchSpec>>map(Either::right)
            .orElseGet(() -> Either.left(new StopFailure.InvalidInput(
                "The buildspec has no batch section: a batch build needs one", Optional.empty()))))
        .flatMap(spec -> newBuildId(configuration.projectName().orElse(null)).flatMap(id ->
            instantNow().flatMap(at -> startBatch(configuration, spec, id, at)))));
  }

  /**
   * StartBuildBatch with an idempotency token, honoured as StartBuild's ({@link #startBuild(Build, UnaryOperator,
   * String, String)}): within {@link #IDEMPOTENCY_WINDOW}, a repeat with the same {@code parameters} starts nothing
   * and answers the batch the first call started, as it is now; one with other parameters is refused. Otherwise as
   * {@link #startBuildBatch(BuildBatch, String)}.
   *
   * @return as {@link #startBuildBatch(BuildBatch, String)}, or {@link StopFailure.ParameterMismatch}
   */
  public Either<StopFailure, BuildBatch> startBuildBatch(BuildBatch configuration, String buildspec, String token,
      String parameters) {
    if (token == null || parameters == null) {
      return Either.left(missing(token == null ? "an idempotency token" : "the parameters"));
    }
    return instantNow().flatMap(now -> honouringToken(batchStartTokens, token, parameters, now,
        () -> startBuildBatch(configuration, buildspec),
        used -> buildBatch(used).<Either<StopFailure, BuildBatch>>map(Either::right)
            .orElseGet(() -> Either.left(batchNotFound(used))),
        started -> BuildBatchIds.parse(started.id().orElseThrow()).get()));
  }

  private Either<StopFailure, BuildBatch> startBatch(BuildBatch configuration, BatchSpec spec, BuildId id,
      Instant at) {
    long number = batchNumbers.computeIfAbsent(id.projectName(), name -> new AtomicLong()).incrementAndGet();
    BuildBatch batch = BuildBatch.builder().from(configuration)
        .id(id.value())
        .arn(BuildBatchIds.arn(partition, region, accountId, id))
        .buildBatchNumber(number)
        .build();
    Build base = NewBuilds.memberBase(batch);
    return BatchLifecycle.start(batch, spec, task -> newMember(base, task), at, at)
        .mapLeft(failure -> failure.toStopFailure())
        .flatMap(run -> batches.put(stored(id), run))
        .map(BatchRun::batch);
  }

  // a member's identity is assigned when its batch starts; it becomes a build of this backend when it starts
  private Build newMember(Build base, BatchTask task) {
    BuildId id = newBuildId(base.projectName().orElseThrow()).get();
    long number = buildNumbers.computeIfAbsent(id.projectName(), name -> new AtomicLong()).incrementAndGet();
    return NewBuilds.member(base, task).withId(id.value())
        .withArn(NewBuilds.buildArn(partition, region, accountId, id))
        .withBuildNumber(number);
  }

  /**
   * Moves a running batch to its next step now ({@link BatchLifecycle#advance}): SUBMITTED, then DOWNLOAD_BATCHSPEC,
   * then IN_PROGRESS, which starts every member without dependencies; in IN_PROGRESS the batch settles from its
   * members. A finished batch is unchanged. Members move with {@link #advance(String)} and {@link #complete(String,
   * StatusType)}, which settle their batch.
   *
   * @return the batch after the step; {@link StopFailure.InvalidInput} or {@link StopFailure.ResourceNotFound}
   */
  public Either<StopFailure, BuildBatch> advanceBuildBatch(String id) {
    return BuildBatchIds.parse(id).flatMap(parsed -> guarded(() -> instantNow().flatMap(at ->
        batchResult(parsed, batches.update(parsed,
            run -> BatchLifecycle.advance(pendingBatchStops.settle(parsed, run, at, true), at))))));
  }

  /**
   * Stores a batch and its members as given, in whatever state, replacing any batch with its id; its started members
   * become (or replace) builds of this backend. For seeding: the run must be one a real batch can be in.
   *
   * @return the batch; {@link StopFailure.InvalidInput} if its id or a member's is missing or malformed, or it breaks
   *     a {@link io.buildstop.domain.lifecycle.BatchInvariant} (nothing is stored then); {@link
   *     StopFailure.LimitExceeded} if the build store could not take a started member (the batch is stored)
   */
  public Either<StopFailure, BuildBatch> putBuildBatch(BatchRun run) {
    if (run == null) {
      return Either.left(missing("a batch run"));
    }
    for (Build member : run.members().values()) {
      Either<StopFailure, BuildId> memberId = BuildId.parse(member.id().orElse(null));
      if (memberId.isLeft()) {
        return Either.left(memberId.getLeft());
      }
    }
    Optional<StopFailure> broken = BatchInvariants.check(run).swap().toJavaOptional()
        .map(invariant -> new StopFailure.InvalidInput("the batch breaks " + invariant, Optional.empty()));
    if (broken.isPresent()) {
      return Either.left(broken.get());
    }
    return BuildBatchIds.parse(run.batch().id().orElse(null)).flatMap(id -> guarded(() -> {
      run.batch().buildBatchNumber().ifPresent(number -> batchNumbers
          .computeIfAbsent(id.projectName(), name -> new AtomicLong()).accumulateAndGet(number, Math::max));
      pendingBatchStops.forget(id);
      return batches.put(stored(id), run).map(BatchRun::batch);
    }));
  }

  /** The batch with this id as it is now, if there is one. */
  public Optional<BuildBatch> buildBatch(BuildId id) {
    return buildBatchRun(id).map(BatchRun::batch);
  }

  /** The batch with this id and its members (started or not) as they are now, if there is one: one snapshot. */
  public Optional<BatchRun> buildBatchRun(BuildId id) {
    settleDueStops();
    return batches.get(id);
  }

  /** The batches in progress, in no particular order: a snapshot, for a driver that moves batches along. */
  public List<BuildBatch> runningBuildBatches() {
    settleDueStops();
    return batches.running().stream().map(BatchRun::batch).toList();
  }

  /** How many batches are held now: at most {@link Builder#maxBuildBatches(int)}. */
  public int buildBatchCount() {
    return batches.size();
  }

  /** The most batches held at once: {@link Builder#maxBuildBatches(int)}, as built. */
  public int maxBuildBatches() {
    return batches.capacity();
  }

  /**
   * How many finished batches were evicted to make room for new ones since this backend was built (the oldest
   * first, when it held {@link Builder#maxBuildBatches(int)} batches).
   */
  public long evictedBuildBatches() {
    return batches.evicted();
  }

  /**
   * {@code rule} applied to a build alone, or {@code asMember}'s rule to its batch when it is a member. A member
   * becomes one before it becomes a build, in its batch's step: the build's own atomic step checks again, so that a
   * call that met a member starting (no build yet, or not yet known as a member) is routed to the batch, never
   * applied to the build alone while its batch holds it running. A build that stops being a member (a retry
   * replaced it, its batch was deleted or evicted) never becomes one again, so it is then changed alone.
   */
  private Either<StopFailure, Build> changeBuild(BuildId id, Instant at, UnaryOperator<Build> rule,
      Function<BatchStore.MemberOf, UnaryOperator<BatchRun>> asMember) {
    Optional<Either<StopFailure, Build>> inItsBatch = inItsBatch(id, at, asMember);
    if (inItsBatch.isPresent()) {
      return inItsBatch.get();
    }
    boolean[] becameMember = new boolean[1];
    Either<StopFailure, Build> alone = update(id, build -> {
      becameMember[0] = batches.memberOf(id).isPresent();
      return becameMember[0] ? build : rule.apply(build);
    });
    if (!becameMember[0] && alone.isRight()) {
      return alone;
    }
    // not found may be a member starting (a member before a build): its batch answers if it holds it now
    return inItsBatch(id, at, asMember).orElseGet(() -> becameMember[0] ? update(id, rule) : alone);
  }

  private Optional<Either<StopFailure, Build>> inItsBatch(BuildId id, Instant at,
      Function<BatchStore.MemberOf, UnaryOperator<BatchRun>> asMember) {
    return batches.memberOf(id).flatMap(member -> changeMember(id, member, at, asMember.apply(member)));
  }

  // a member's change in its batch's atomic step: the member as it is after, or not found if it has not started; empty
  // when the build is no longer the batch's (a retry replaced it, or the batch was deleted or evicted since memberOf
  // was read): the change is then a lone build's
  private Optional<Either<StopFailure, Build>> changeMember(BuildId id, BatchStore.MemberOf member, Instant at,
      UnaryOperator<BatchRun> rule) {
    boolean[] stillMember = new boolean[1];
    Optional<BatchRun> after = batches.update(member.batch(), run -> {
      stillMember[0] = run.member(member.identifier()).flatMap(Build::id)
          .flatMap(memberId -> BuildId.parse(memberId).toJavaOptional()).equals(Optional.of(id));
      // a StopBuildBatch accepted before this change settles first (spec §4.9): the stop came first
      return stillMember[0] ? rule.apply(pendingBatchStops.settle(member.batch(), run, at, true)) : run;
    });
    if (after.isEmpty() || !stillMember[0]) {
      return Optional.empty();
    }
    return Optional.of(after.flatMap(run -> run.member(member.identifier()))
        .filter(build -> build.buildStatusAsString().isPresent())
        .<Either<StopFailure, Build>>map(Either::right)
        .orElseGet(() -> Either.left(StopFailure.resourceNotFound(id))));
  }

  private static Either<StopFailure, BuildBatch> batchResult(BuildId id, Optional<BatchRun> run) {
    return run.<Either<StopFailure, BuildBatch>>map(found -> Either.right(found.batch()))
        .orElseGet(() -> Either.left(batchNotFound(id)));
  }

  private static StopFailure batchNotFound(BuildId id) {
    return new StopFailure.ResourceNotFound("Build batch " + id.value() + " not found", Optional.empty());
  }

  // the batch operations never throw either: a failure of this code becomes a value that keeps its cause
  private static <T> Either<StopFailure, T> guarded(Supplier<Either<StopFailure, T>> call) {
    return Try.of(call::get)
        .getOrElseGet(failure -> Either.left(StopFailure.unavailable("the in-memory backend failed", failure)));
  }

  /**
   * Stores a build as given, in whatever state, replacing any build with its id. The project's build numbers
   * continue after the build's number.
   *
   * @return the build; {@link StopFailure.InvalidInput} if its {@code id} is missing or malformed, or names a
   *     started member of a batch (seed batches with {@link #putBuildBatch(BatchRun)}); {@link
   *     StopFailure.LimitExceeded} for a new build when the backend holds {@link Builder#maxBuilds(int)} builds
   *     and all of them are running
   */
  public Either<StopFailure, Build> put(Build build) {
    if (build == null) {
      return Either.left(missing("a build"));
    }
    return BuildId.parse(build.id().orElse(null)).flatMap(id -> batches.memberOf(id).isPresent()
        // a member is its batch's to change, in the batch's atomic step: replacing it alone would part the two
        ? Either.left(new StopFailure.InvalidInput("Build " + id.value() + " is a member of build batch "
            + batches.memberOf(id).get().batch().value() + ": seed it with putBuildBatch", Optional.empty()))
        : store.put(stored(id), build, pendingStops::forget)
        .peek(stored -> {
          build.buildNumber().ifPresent(number -> buildNumbers
              .computeIfAbsent(id.projectName(), name -> new AtomicLong())
              .accumulateAndGet(number, Math::max));
          pendingStops.forget(id);
        }));
  }

  // ---- issue 19: RetryBuild, BatchDeleteBuilds, DeleteProject, UpdateProject, ListProjects ----

  /**
   * RetryBuild now: a new build of the finished build's configuration ({@link BuildRetryRules#configuration}), with
   * its project's next build number, a new id and ARN, its log stream and artifact locations named after its own id
   * ({@link BuildRetryRules#namedAfterItsId}), started as StartBuild starts a build. The old build stays as it was.
   *
   * @param id the build id or ARN
   * @param initiator who retries (the new build's {@code initiator}); empty to keep the old build's
   * @return the new build; {@link StopFailure.InvalidInput} for a malformed id, a build still running or a member of
   *     a batch; {@link StopFailure.ResourceNotFound} for an unknown build or one whose project DeleteProject deleted;
   *     {@link StopFailure.LimitExceeded} as StartBuild; never throws
   */
  public Either<StopFailure, Build> retryBuild(String id, Optional<String> initiator) {
    if (initiator == null) {
      return Either.left(missing("an initiator (empty for the build's own)"));
    }
    return BuildId.parse(id).flatMap(parsed -> guarded(() -> {
      if (projectDeleted(parsed.projectName())) {
        return Either.left(new StopFailure.ResourceNotFound(
            "Project cannot be found: " + projectArn(parsed.projectName()), Optional.empty()));
      }
      Optional<Build> original = build(parsed);
      if (original.isEmpty()) {
        return Either.left(StopFailure.resourceNotFound(parsed));
      }
      return BuildRetryRules.configuration(original.get())
          .map(configuration -> initiator.map(configuration::withInitiator).orElse(configuration))
          .flatMap(configuration -> startNew(configuration,
              started -> BuildRetryRules.namedAfterItsId(started, original.get())));
    }));
  }

  /**
   * RetryBuild with an idempotency token, honoured as StartBuild's ({@link #startBuild(Build, UnaryOperator, String,
   * String)}, RetryBuild's own tokens): within {@link #IDEMPOTENCY_WINDOW}, a repeat with the same {@code parameters}
   * retries nothing and answers the build the first call started, as it is now; one with other parameters is refused.
   *
   * @return as {@link #retryBuild(String, Optional)}, or {@link StopFailure.ParameterMismatch}
   */
  public Either<StopFailure, Build> retryBuild(String id, Optional<String> initiator, String token,
      String parameters) {
    if (token == null || parameters == null) {
      return Either.left(missing(token == null ? "an idempotency token" : "the parameters"));
    }
    return instantNow().flatMap(now -> honouringToken(retryBuildTokens, token, parameters, now,
        () -> retryBuild(id, initiator),
        used -> build(used).<Either<StopFailure, Build>>map(Either::right)
            .orElseGet(() -> Either.left(StopFailure.resourceNotFound(used))),
        retried -> BuildId.parse(retried.id().orElseThrow()).get()));
  }

  /**
   * BatchDeleteBuilds now: each build that has finished is deleted ({@link BuildDeletion#isDeletable}), and is then
   * not found by reads, listings, StopBuild or RetryBuild; a build still running stays, answered in {@code
   * buildsNotDeleted} with {@link BuildDeletion#BUILD_IN_PROGRESS}. Where AWS documents nothing, buildstop's policy:
   * a finished member its batch still holds stays too, with {@link BuildDeletion#BUILD_IN_BATCH} (DeleteBuildBatch
   * deletes it with its batch); an id no build has is answered as deleted (deleting what is not there is done, so a
   * cleanup can repeat).
   *
   * @param ids 1 to 100 build ids or ARNs, validated as BatchGetBuilds' ({@link RequestedBuildIds#parse})
   * @return the builds deleted and not, by ARN, in the order asked; {@link StopFailure.InvalidInput} for no ids, too
   *     many or a malformed one (nothing is deleted then); never throws
   */
  public Either<StopFailure, BatchDeleteBuildsResult> batchDeleteBuilds(List<String> ids) {
    return RequestedBuildIds.parse(ids).flatMap(requested -> guarded(() -> {
      settleDueStops();
      List<String> deleted = new ArrayList<>();
      List<BatchDeletion.BuildNotDeleted> notDeleted = new ArrayList<>();
      for (BuildId id : requested.ids()) {
        String arn = NewBuilds.buildArn(partition, region, accountId, id);
        // a finished build never runs again (a retry is another build), so what this read finds stays true
        Optional<Build> held = store.get(id);
        if (held.isPresent() && !BuildDeletion.isDeletable(held.get())) {
          notDeleted.add(new BatchDeletion.BuildNotDeleted(arn, BuildDeletion.BUILD_IN_PROGRESS));
        } else if (batches.memberOf(id).isPresent()) {
          // its batch holds it (its summaries name it, a StopBuild of it is the batch's): it goes with its batch
          notDeleted.add(new BatchDeletion.BuildNotDeleted(arn, BuildDeletion.BUILD_IN_BATCH));
        } else {
          store.delete(id);
          pendingStops.forget(id);
          deleted.add(arn);
        }
      }
      return Either.right(new BatchDeleteBuildsResult(deleted, notDeleted));
    }));
  }

  /**
   * DeleteProject: forgets the project, if held. Its builds stay builds (reads, StopBuild, BatchDeleteBuilds), but
   * the project is gone: StartBuild and RetryBuild of it are not found, as is its listing over the endpoint ({@link
   * #projectDeleted(String)}), until a project of that name is created again.
   *
   * @return whether a project of that name was held: CodeBuild answers a delete of an unknown project with success
   *     too (it documents no not-found error for DeleteProject), so the endpoint does not tell the two apart
   */
  public boolean deleteProject(String name) {
    Objects.requireNonNull(name, "name");
    synchronized (projects) {
      boolean held = projects.remove(name) != null;
      if (held) {
        deletedProjects.add(name);
      }
      return held;
    }
  }

  /** Whether DeleteProject deleted the project of this name and none has been created with it since. */
  public boolean projectDeleted(String name) {
    return deletedProjects.contains(Objects.requireNonNull(name, "name")) && !projects.containsKey(name);
  }

  /**
   * UpdateProject's one atomic step: {@code change} is applied to the project of this name as it is now, and the
   * project becomes its result. Builds keep the configuration they started with: a running build is unchanged, new
   * builds use the project as changed.
   *
   * @param change given the project held, returns it changed: same name (the caller validates and stamps it)
   * @return the project as changed; {@link StopFailure.ResourceNotFound} for a name no project has; {@link
   *     StopFailure.InvalidInput} if {@code change} renamed it; {@link StopFailure.Unavailable} if it threw (nothing
   *     changes then); never throws
   */
  public Either<StopFailure, Project> updateProject(String name, UnaryOperator<Project> change) {
    if (name == null || change == null) {
      return Either.left(missing(name == null ? "a project name" : "a change"));
    }
    return guarded(() -> {
      synchronized (projects) {
        Project current = projects.get(name);
        if (current == null) {
          return Either.left(new StopFailure.ResourceNotFound(
              "Project cannot be found: " + projectArn(name), Optional.empty()));
        }
        Project changed = change.apply(current);
        if (changed == null || !changed.name().equals(current.name())) {
          return Either.left(new StopFailure.InvalidInput("UpdateProject cannot rename a project", Optional.empty()));
        }
        projects.put(name, changed);
        return Either.right(changed);
      }
    });
  }

  /**
   * ListProjects: one page of the names of the projects held, 100 at most, by {@code sortBy} (ties by name) in
   * {@code order}, in the paging scheme of the build listings. Where AWS documents no default, buildstop lists by
   * {@link ProjectSortByType#NAME}, {@link SortOrderType#ASCENDING}, as {@link #projects()} does.
   *
   * @param sortBy null for {@link ProjectSortByType#NAME}
   * @param order null for {@link SortOrderType#ASCENDING}
   * @return the page; {@link StopFailure.InvalidInput} for a {@code nextToken} this listing did not hand out
   */
  public Either<StopFailure, ProjectNamePage> listProjects(ProjectSortByType sortBy, SortOrderType order,
      Optional<String> nextToken) {
    return guarded(() -> BuildListing.projectPage(projects.values(), sortBy == null ? ProjectSortByType.NAME : sortBy,
        order == null ? SortOrderType.ASCENDING : order, orEmpty(nextToken)));
  }

  private String projectArn(String name) {
    return "arn:" + partition + ":codebuild:" + region + ":" + accountId + ":project/" + name;
  }

  /**
   * Creates {@code project} as it is, unless a project has its name: CreateProject's one atomic step. The caller
   * makes the project whole first (its ARN, timestamps and CodeBuild's defaults); this backend keeps it unchanged,
   * and a name is taken once however many threads race for it.
   *
   * @return the project created; {@link ResourceAlreadyExists} naming the existing project's ARN, or {@link
   *     ProjectLimitExceeded} when {@link Builder#maxProjects(int)} projects are held (nothing changes then); never
   *     null
   * @throws IllegalArgumentException if {@code project} has no name: no CodeBuild project can lack one
   */
  public Either<ProjectFailure, Project> createProject(Project project) {
    String name = Objects.requireNonNull(project, "project").name()
        .orElseThrow(() -> new IllegalArgumentException("a project needs a name"));
    // one lock for the name and the bound together (CreateProject is rare; reads take none)
    synchronized (projects) {
      Project existing = projects.get(name);
      if (existing != null) {
        return Either.left(new ResourceAlreadyExists("Project already exists: " + existing.arn().orElse(name)));
      }
      if (projects.size() >= maxProjects) {
        return Either.left(new ProjectLimitExceeded("Cannot have more than " + maxProjects
            + " build projects: this endpoint's limit (maxProjects, serve --max-projects) is reached"));
      }
      projects.put(name, project);
      return Either.right(project);
    }
  }

  /** How many projects are held: at most {@link Builder#maxProjects(int)}. */
  public int projectCount() {
    return projects.size();
  }

  /** The most projects held at once: {@link Builder#maxProjects(int)}, as built. */
  public int maxProjects() {
    return maxProjects;
  }

  /** The project with this name, if one was created. */
  public Optional<Project> project(String name) {
    return Optional.ofNullable(projects.get(Objects.requireNonNull(name, "name")));
  }

  /** Every project created, by name: a snapshot. */
  public List<Project> projects() {
    return projects.values().stream().sorted(Comparator.comparing(project -> project.name().orElseThrow())).toList();
  }

  /** The build with this id as it is now, if there is one. */
  public Optional<Build> build(BuildId id) {
    settleDueStops();
    return store.get(id);
  }

  /** Every build held, in no particular order: a snapshot. */
  public List<Build> builds() {
    settleDueStops();
    return store.snapshot();
  }

  /**
   * The builds in progress, in no particular order: a snapshot that costs as much as there are running builds,
   * however many complete ones are held, for a driver that moves running builds along.
   */
  public List<Build> runningBuilds() {
    settleDueStops();
    return store.running().stream().map(store::get).flatMap(Optional::stream)
        .filter(StopRules::isStoppable).toList();
  }

  /** How many builds are held now: at most {@link Builder#maxBuilds(int)}. */
  public int buildCount() {
    return store.size();
  }

  /** The most builds held at once: {@link Builder#maxBuilds(int)}, as built. */
  public int maxBuilds() {
    return store.capacity();
  }

  /**
   * How many complete builds were evicted to make room for new ones since this backend was built (the oldest
   * first, when it held {@link Builder#maxBuilds(int)} builds).
   */
  public long evictedBuilds() {
    return store.evicted();
  }

  /**
   * How many complete builds are held compact now: those older than the newest {@link
   * Builder#wholeCompleteBuilds(int)} complete ones.
   */
  public long compactBuilds() {
    return store.compactBuilds();
  }

  // spec §4.9: a read after the latency sees the settled build; before it, the running one
  private void settleDueStops() {
    if (!pendingBatchStops.pending().isEmpty()) {
      // a batch's stop settles its members too, in the batch's step
      instantNow().forEach(now -> pendingBatchStops.pending().forEach(id ->
          batches.update(id, run -> pendingBatchStops.settle(id, run, now, false))));
    }
    if (pendingStops.pending().isEmpty()) {
      return;
    }
    instantNow().forEach(now -> pendingStops.pending().forEach(id ->
        store.update(id, build -> pendingStops.settle(id, build, now, false))));
  }

  /**
   * Puts this backend back as {@link Builder#build()} made it, keeping its settings (clock, region, account,
   * latency, bounds): no projects, no builds, no build numbers, no pending stops, no armed failures, no stop calls,
   * no evictions counted. For a test double shared between tests (the JUnit 5 extension resets it before each test). Calls
   * racing a reset see the backend before or after it, never a build half forgotten.
   */
  public void reset() {
    failures.failNext(0, StopFailure.unavailable("disarmed"));
    projects.clear();
    // batches before builds: clearing a batch waits for a change of it in flight, whose member writes then land
    // before the builds are forgotten, and no later change finds the batch to write a member for
    batches.clear();
    store.clear();
    pendingStops.clear();
    pendingBatchStops.clear();
    batchNumbers.clear();
    buildNumbers.clear();
    idempotencyTokens.clear();
    batchStartTokens.clear();
    retryTokens.clear();
    retryBuildTokens.clear();
    deletedProjects.clear();
    stopCalls.clear();
    stopBuildBatchCalls.clear();
  }

  /**
   * Makes the next {@code calls} calls that change builds or batches (StopBuild, StopBuildBatch, RetryBuildBatch,
   * DeleteBuildBatch) with a valid id return {@code failure} without touching any build or batch, as a failing real
   * backend would (invalid ids are still rejected first, as the AWS backend rejects them before any network call).
   * The calls share one count, taken in the order they arrive: {@code failNextCalls(2, f)} then StopBuildBatch, then
   * StopBuild fails both. Replaces what was armed before; 0 disarms.
   *
   * @throws IllegalArgumentException if {@code calls} is negative
   */
  public void failNextCalls(int calls, StopFailure failure) {
    failures.failNext(calls, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * The most recent StopBuild calls answered, at most {@link Builder#stopCallHistory(int)} of them (10,000 by
   * default), oldest first: a snapshot.
   */
  public List<StopCall> stopCalls() {
    return stopCalls.snapshot();
  }

  /**
   * The most recent StopBuildBatch calls answered, at most {@link Builder#stopCallHistory(int)} of them, oldest
   * first: a snapshot.
   */
  public List<StopBuildBatchCall> stopBuildBatchCalls() {
    return stopBuildBatchCalls.snapshot();
  }

  // the seeding methods never throw either: a failing clock is a value that keeps its cause
  private Either<StopFailure, Instant> instantNow() {
    return Try.of(this::now).toEither()
        .mapLeft(failure -> StopFailure.unavailable("the backend's clock failed", failure));
  }

  private static StopFailure missing(String what) {
    return new StopFailure.InvalidInput(what + " is required, not null", Optional.empty());
  }

  // ---- build events (issue 19): every change of a build passes the build store, which tells this ----

  /**
   * Adds a listener for this backend's build events: from now on it receives, on this backend's event thread and in
   * transition order, the state and phase changes of every build's start, phase change, stop and completion
   * (docs/build-events.md, "Emission"). A listener that throws or blocks never affects a transition.
   */
  public void addEventListener(EventSink listener) {
    events.addListener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * {@link BuildEventSource}: the sink as a listener of its own ({@link #addEventListener(EventSink)}), until the
   * subscription is closed; never fails.
   */
  @Override
  public Either<StopFailure, Subscription> subscribe(EventSink sink) {
    Objects.requireNonNull(sink, "sink");
    // a listener of its own, so that two subscriptions of one sink end one at a time
    EventSink listener = sink::accept;
    events.addListener(listener);
    return Either.right(() -> events.removeListener(listener));
  }

  /** Removes a listener added before; true if it was one. */
  public boolean removeEventListener(EventSink listener) {
    return events.removeListener(listener);
  }

  /** How many events were dropped because {@link Builder#eventQueueCapacity(int)} events were waiting already. */
  public long droppedEvents() {
    return events.dropped();
  }

  /**
   * Waits until the listeners have been handed every event of the transitions made before this call (those not
   * dropped), or {@code timeout} has passed: for a test that checks that nothing more was emitted.
   *
   * @return whether every such event was handed over in time
   */
  public boolean awaitEventDelivery(Duration timeout) {
    return events.awaitDelivery(Objects.requireNonNull(timeout, "timeout"));
  }

  /** How many times a listener threw on an event. */
  public long eventListenerFailures() {
    return events.listenerFailures();
  }

  // inside the build's atomic step: the events follow the build's transitions one for one and in order, and are only
  // handed over (the queue never waits), so no listener holds up the step
  private void emit(Optional<Build> before, Build after) {
    if (!events.isListened()) {
      return;
    }
    events.offer(BuildEvents.of(before.orElse(NO_BUILD), after, eventTime(after), EventIds.nameBased()));
  }

  // the backend's clock; a transition has read it a moment ago, and if it fails now the event keeps the last instant
  // the build records rather than failing the transition
  private Instant eventTime(Build after) {
    return Try.of(this::now).getOrElse(() -> after.endTime().or(after::startTime).orElse(Instant.EPOCH));
  }

  // spec §1: CodeBuild records instants to the millisecond; so does its fake
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // one atomic step per build: the rule runs inside the map's update, so racing callers serialise on it
  private Either<StopFailure, Build> update(BuildId id, UnaryOperator<Build> rule) {
    return store.update(id, rule).<Either<StopFailure, Build>>map(Either::right)
        .orElseGet(() -> Either.left(StopFailure.resourceNotFound(id)));
  }

  // the key a build is kept under: its project's name once for all of the project's builds, not once per build
  private static BuildId stored(BuildId id) {
    return new BuildId(id.projectName().intern(), id.buildUuid());
  }

  private static Either<StopFailure, BuildId> newBuildId(String projectName) {
    return BuildId.parseProjectName(projectName).flatMap(valid -> BuildId.parse(valid + ":" + UUID.randomUUID()));
  }

  /** Builds an {@link InMemoryCodeBuild}. */
  public static final class Builder {
    /** How many StopBuild calls {@link #stopCalls()} keeps unless told otherwise. */
    public static final int DEFAULT_STOP_CALL_HISTORY = 10_000;

    /**
     * How many builds a backend holds unless told otherwise: 100,000, about 93 MB of heap for builds as StartBuild
     * makes them and ~200 MB fully populated (BENCHMARKS.md §4), within the default heap of a JVM on a CI machine.
     */
    public static final int DEFAULT_MAX_BUILDS = 100_000;

    /**
     * How many projects a CodeBuild holds unless told otherwise: 5,000, CodeBuild's default quota of build projects
     * per region (adjustable there, as here), so that a client that creates more gets the error a fresh AWS account
     * would give it. 5,000 ordinary projects take about 29 MB of heap.
     */
    public static final int DEFAULT_MAX_PROJECTS = 5_000;

    /**
     * The most batches this backend holds ({@value #DEFAULT_MAX_BUILD_BATCHES} unless set), bounded as builds are
     * ({@link #maxBuilds(int)}): a new batch beyond it evicts the oldest finished batch ({@link
     * InMemoryCodeBuild#evictedBuildBatches()} counts them; its member builds stay builds); when every batch held
     * runs, StartBuildBatch and {@code putBuildBatch} of a new batch answer {@link StopFailure.LimitExceeded},
     * CodeBuild's {@code AccountLimitExceededException}, and hold nothing more.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxBuildBatches(int maxBuildBatches) {
      if (maxBuildBatches < 1) {
        throw new IllegalArgumentException("maxBuildBatches must be at least 1: " + maxBuildBatches);
      }
      this.maxBuildBatches = maxBuildBatches;
      return this;
    }

    /**
     * How many of the newest complete builds are held whole unless told otherwise: 100,000, as many as the default
     * {@link #DEFAULT_MAX_BUILDS}, so a backend with the default bound never compacts a build.
     */
    public static final int DEFAULT_WHOLE_COMPLETE_BUILDS = 100_000;

    /**
     * How many batches a backend holds unless told otherwise: 10,000, a tenth of {@link #DEFAULT_MAX_BUILDS}, since a
     * batch holds its members' configurations besides (its started members are builds, and count towards
     * {@link #maxBuilds(int)}).
     */
    public static final int DEFAULT_MAX_BUILD_BATCHES = 10_000;

    private Clock clock = Clock.systemUTC();
    private String partition = "aws";
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private Duration stopLatency = Duration.ZERO;
    private int maxBuilds = DEFAULT_MAX_BUILDS;
    private int maxBuildBatches = DEFAULT_MAX_BUILD_BATCHES;
    private int maxProjects = DEFAULT_MAX_PROJECTS;
    private int wholeCompleteBuilds = DEFAULT_WHOLE_COMPLETE_BUILDS;
    private int stopCallHistory = DEFAULT_STOP_CALL_HISTORY;

    private int eventQueueCapacity = DEFAULT_EVENT_QUEUE_CAPACITY;
    private final List<EventSink> eventListeners = new ArrayList<>();

    /** How many build events may wait for the listeners unless told otherwise. */
    public static final int DEFAULT_EVENT_QUEUE_CAPACITY = 10_000;

    private Builder() {}

    /**
     * A listener for the backend's build events from its first transition on ({@link
     * InMemoryCodeBuild#addEventListener(EventSink)}); may be given more than once.
     */
    public Builder eventListener(EventSink listener) {
      eventListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * How many build events may wait for the listeners at once ({@link #DEFAULT_EVENT_QUEUE_CAPACITY} by default):
     * beyond it, while a listener is slow, events are dropped and counted ({@link
     * InMemoryCodeBuild#droppedEvents()}), so a transition never waits for a listener.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder eventQueueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("eventQueueCapacity must be at least 1: " + capacity);
      }
      this.eventQueueCapacity = capacity;
      return this;
    }

    /** The clock every transition reads its instant from; the system UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The region that new builds' ARNs name; {@code us-east-1} by default. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The account that new builds' ARNs name; {@code 123456789012} by default. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** The partition that new builds' ARNs name; {@code aws} by default. */
    public Builder partition(String partition) {
      this.partition = Objects.requireNonNull(partition, "partition");
      return this;
    }

    /**
     * Spec §4.9, off by default: a stop is accepted at once, but reads (and the stop's own answer) show the running
     * build until {@code stopLatency} has passed; it then settles exactly as if stopped at the time of the call. A
     * transition racing a pending stop settles the stop first: the stop was first. The same for StopBuildBatch: the
     * batch and its members read as running until the latency has passed (StopBuild of a member, which stops it in
     * its batch's step, settles at once).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder stopLatency(Duration stopLatency) {
      if (stopLatency.isNegative()) {
        throw new IllegalArgumentException("stopLatency must not be negative: " + stopLatency);
      }
      this.stopLatency = stopLatency;
      return this;
    }

    /**
     * How many of the most recent StopBuild calls {@link #stopCalls()} keeps, and of StopBuildBatch calls {@link
     * #stopBuildBatchCalls()}; {@value #DEFAULT_STOP_CALL_HISTORY}
     * by default, 0 to keep none (a long-running endpoint), at most {@value CallHistory#MAX_CAPACITY} (the history
     * reserves its slots when the backend is built).
     *
     * @throws IllegalArgumentException if negative or over the maximum
     */
    public Builder stopCallHistory(int calls) {
      if (calls < 0 || calls > CallHistory.MAX_CAPACITY) {
        throw new IllegalArgumentException(
            "stopCallHistory must be between 0 and " + CallHistory.MAX_CAPACITY + ": " + calls);
      }
      this.stopCallHistory = calls;
      return this;
    }

    /**
     * The most builds this backend holds ({@value #DEFAULT_MAX_BUILDS} unless set). A new build beyond it evicts the
     * oldest complete build ({@link InMemoryCodeBuild#evictedBuilds()} counts them); when every build held is
     * running, StartBuild and {@code put} of a new build answer {@link StopFailure.LimitExceeded}, CodeBuild's
     * {@code AccountLimitExceededException}, and hold nothing more: the heap stays bounded.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxBuilds(int maxBuilds) {
      if (maxBuilds < 1) {
        throw new IllegalArgumentException("maxBuilds must be at least 1: " + maxBuilds);
      }
      this.maxBuilds = maxBuilds;
      return this;
    }

    /**
     * How many of the newest complete builds are held whole ({@value #DEFAULT_WHOLE_COMPLETE_BUILDS} unless set); the
     * older complete builds are held compact, in about half the heap (BENCHMARKS.md §3): what lets a million builds
     * fit a 1 GB heap. A compact build reads back equal to what was stored (it is kept compact only if it does); it
     * costs a rebuild of the {@code Build} (about a microsecond) each time it is read. Matters only when {@link
     * #maxBuilds(int)} is larger.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder wholeCompleteBuilds(int builds) {
      if (builds < 0) {
        throw new IllegalArgumentException("wholeCompleteBuilds must not be negative: " + builds);
      }
      this.wholeCompleteBuilds = builds;
      return this;
    }

    /**
     * The most projects this CodeBuild holds ({@value #DEFAULT_MAX_PROJECTS} unless set); CreateProject beyond it
     * answers {@link ProjectLimitExceeded}, CodeBuild's {@code AccountLimitExceededException}, and holds nothing
     * more.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxProjects(int maxProjects) {
      if (maxProjects < 1) {
        throw new IllegalArgumentException("maxProjects must be at least 1: " + maxProjects);
      }
      this.maxProjects = maxProjects;
      return this;
    }

    /** A new, empty backend. */
    public InMemoryCodeBuild build() {
      return new InMemoryCodeBuild(this);
    }
  }
}
