package io.buildstop.junit5.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.junit5.ClockMode;
import io.buildstop.junit5.CodeBuildRuntime;
import io.buildstop.junit5.ExpectCalls;
import io.buildstop.junit5.SeedBuild;
import io.buildstop.junit5.SeedProject;
import io.buildstop.junit5.TestClock;
import io.buildstop.memory.BuildEventRecorder;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.Lifecycle;
import io.buildstop.memory.StopCall;
import io.buildstop.server.CodeBuildServer;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The CodeBuild of one test class (shared with its {@code @Nested} classes) or of one test: the in-memory CodeBuild,
 * the endpoint over it when asked for, the clock, the SDK clients made so far, and the operations called since the
 * test began. Closing it closes the clients and the endpoint. Thread-safe.
 */
public final class Fixture implements AutoCloseable {
  private final Settings settings;
  private final String owner;
  private final Clock clock;
  private final Optional<TestClock> testClock;
  private final InMemoryCodeBuild backend;
  private final BuildEventRecorder events = BuildEventRecorder.create();
  private static final Duration EVENTS_IN_FLIGHT = Duration.ofSeconds(1);
  private final Optional<CodeBuildServer> server;
  private final Optional<CodeBuildRuntime> runtime;
  // in-process only: the endpoint runs its own
  private final Optional<Lifecycle> lifecycle;
  private final ConcurrentLinkedQueue<String> operations = new ConcurrentLinkedQueue<>();
  private final Map<String, AutoCloseable> clients = new LinkedHashMap<>();
  private volatile int stopCallsBefore;
  private volatile boolean closed;

  private Fixture(Settings settings, String owner) {
    this.settings = settings;
    this.owner = owner;
    Instant start = settings.clockStart().orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS));
    this.testClock = settings.clockMode() == ClockMode.CONTROLLABLE ? Optional.of(new TestClock(start))
        : Optional.empty();
    this.clock = testClock.<Clock>map(c -> c).orElseGet(() -> settings.clockMode() == ClockMode.FIXED
        ? Clock.fixed(start, ZoneOffset.UTC) : Clock.systemUTC());
    this.backend = InMemoryCodeBuild.builder().clock(clock).region(settings.region())
        .accountId(settings.accountId()).stopLatency(settings.stopLatency()).eventListener(events).build();
    if (settings.endpoint()) {
      CodeBuildServer.Builder builder = CodeBuildServer.builder().backend(backend).clock(clock)
          .region(settings.region()).accountId(settings.accountId()).onOperation(operations::add);
      settings.phaseDuration().ifPresent(builder::lifecycle);
      if (settings.verifySignatures()) {
        builder.credentials(settings.accessKeyId(), settings.secretAccessKey());
      }
      CodeBuildServer started = builder.start();
      this.server = Optional.of(started);
      this.runtime = Optional.of(new CodeBuildRuntime(started.endpoint(), settings.region(), settings.accountId(),
          settings.accessKeyId(), settings.secretAccessKey()));
      this.lifecycle = Optional.empty();
    } else {
      this.server = Optional.empty();
      this.runtime = Optional.empty();
      this.lifecycle = settings.phaseDuration().map(phase -> Lifecycle.start(backend, phase,
          "buildstop-junit5-lifecycle-" + owner));
    }
  }

  /**
   * A started CodeBuild with these settings.
   *
   * @param owner the unique id of the JUnit context that made it, the one that closes it
   */
  public static Fixture start(Settings settings, String owner) {
    return new Fixture(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(owner, "owner"));
  }

  /** The settings it was made with. */
  public Settings settings() {
    return settings;
  }

  /** The unique id of the JUnit context that made it. */
  public String owner() {
    return owner;
  }

  /** The in-memory CodeBuild. */
  public InMemoryCodeBuild backend() {
    return backend;
  }

  /** The recorder of the CodeBuild's build events, emptied by {@link #reset()}. */
  public BuildEventRecorder events() {
    return events;
  }

  /** The endpoint, unless in-process only. */
  public Optional<CodeBuildServer> server() {
    return server;
  }

  /** The endpoint's runtime, unless in-process only. */
  public Optional<CodeBuildRuntime> runtime() {
    return runtime;
  }

  /** The clock the CodeBuild reads. */
  public Clock clock() {
    return clock;
  }

  /** The controllable clock, with {@link ClockMode#CONTROLLABLE}. */
  public Optional<TestClock> testClock() {
    return testClock;
  }

  /** Puts the CodeBuild back as it started: no builds or projects, nothing armed, no history, the clock at start. */
  public void reset() {
    testClock.ifPresent(TestClock::reset);
    // the previous test's events on their way land before the recorder is emptied; bounded, as a listener a test
    // added may block: an event later than that arrives in the next test, which asserts on its own builds' events
    backend.awaitEventDelivery(EVENTS_IN_FLIGHT);
    server.ifPresentOrElse(CodeBuildServer::reset, backend::reset);
    events.clear();
    operations.clear();
  }

  /**
   * Seeds projects and builds.
   *
   * @throws IllegalArgumentException naming the seed that cannot be made
   */
  public void seed(List<SeedProject> projects, List<SeedBuild> builds) {
    for (SeedProject project : projects) {
      server.ifPresentOrElse(running -> running.createProject(project.value()),
          () -> BuildId.parseProjectName(project.value()).getOrElseThrow(Fixture::invalid));
    }
    for (SeedBuild build : builds) {
      server.ifPresent(running -> running.createProject(build.project()));
      if (build.count() < 0) {
        throw new IllegalArgumentException("@SeedBuild count must not be negative: " + build.count());
      }
      for (int i = 0; i < build.count(); i++) {
        Either<StopFailure, ?> seeded = BuildLifecycle.FINAL_STATUSES.contains(build.status())
            ? backend.startCompletedBuild(build.project(), build.status())
            : backend.startBuildInPhase(build.project(), build.phase());
        seeded.getOrElseThrow(failure -> new IllegalArgumentException("cannot seed " + build + ": " + failure));
      }
    }
  }

  private static IllegalArgumentException invalid(StopFailure failure) {
    return new IllegalArgumentException("cannot seed the project: " + failure);
  }

  /** Marks where a test begins: calls before it are not the test's. */
  public void beginTest() {
    operations.clear();
    stopCallsBefore = backend.stopCalls().size();
  }

  /**
   * What the test called that {@code expected} does not allow: nothing when empty. Without a declaration, no call is
   * allowed.
   */
  public List<String> unexpectedCalls(Optional<ExpectCalls> expected) {
    Set<String> allowedOperations = new LinkedHashSet<>(
        expected.map(e -> Arrays.asList(e.operations())).orElse(List.of()));
    List<String> allowedStops = expected.map(e -> Arrays.asList(e.stops())).orElse(List.of());
    if (!allowedStops.isEmpty()) {
      allowedOperations.add("StopBuild");
    }
    List<StopCall> allStops = backend.stopCalls();
    List<StopCall> stops = allStops.subList(Math.min(stopCallsBefore, allStops.size()), allStops.size());
    Set<String> called = new LinkedHashSet<>(operations);
    if (!stops.isEmpty()) {
      called.add("StopBuild");
    }
    List<String> unexpected = new ArrayList<>();
    for (String operation : called) {
      if (!allowedOperations.contains(operation)) {
        unexpected.add("called " + operation + ", which the test did not declare (@ExpectCalls(operations = ...))");
      }
    }
    if (!allowedStops.isEmpty()) {
      for (StopCall stop : stops) {
        if (allowedStops.stream().noneMatch(allowed -> stop.requestedId().equals(allowed)
            || stop.requestedId().startsWith(allowed + ":"))) {
          unexpected.add("stopped " + stop.requestedId() + ", which the test did not declare (@ExpectCalls(stops"
              + " = " + allowedStops + "))");
        }
      }
    }
    return unexpected;
  }

  /**
   * A ready AWS SDK client of the type named, pointed at the endpoint and signing with the runtime's credentials;
   * made once and closed with this fixture.
   */
  public synchronized Object client(String typeName) {
    if (closed) {
      throw new IllegalStateException("the CodeBuild of this test is closed");
    }
    CodeBuildRuntime endpoint = runtime.orElseThrow(() -> new IllegalStateException(
        "an AWS SDK client needs the endpoint: @CodeBuildTest(endpoint = true), the default"));
    return clients.computeIfAbsent(typeName, name -> SdkClients.create(name, endpoint));
  }

  /** Whether {@code typeName} names one of the SDK clients the fixture makes. */
  public static boolean isSdkClient(String typeName) {
    return SdkClients.SYNC.equals(typeName) || SdkClients.ASYNC.equals(typeName);
  }

  /** Closes the clients, then the endpoint. Idempotent. */
  @Override
  public void close() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(clients.values());
      clients.clear();
    }
    RuntimeException failure = null;
    for (AutoCloseable client : toClose) {
      try {
        client.close();
      } catch (Exception e) {
        failure = failure == null ? new IllegalStateException("closing an SDK client failed", e) : failure;
      }
    }
    lifecycle.ifPresent(Lifecycle::close);
    server.ifPresent(CodeBuildServer::close);
    if (failure != null) {
      throw failure;
    }
  }
}
