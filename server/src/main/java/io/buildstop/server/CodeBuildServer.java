package io.buildstop.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.Lifecycle;
import io.buildstop.server.internal.Arns;
import io.buildstop.server.internal.CodeBuildApi;
import io.buildstop.server.internal.Deadlines;
import io.buildstop.server.internal.Dispatcher;
import io.buildstop.server.internal.EventPoster;
import io.buildstop.server.internal.Json;
import io.buildstop.server.internal.NettyFront;
import io.buildstop.server.internal.Operation;
import io.buildstop.server.internal.PageGuard;
import io.buildstop.server.internal.PagePaths;
import io.buildstop.server.internal.ServerEvents;
import io.buildstop.server.internal.ServerStatus;
import io.buildstop.server.internal.ServiceError;
import io.buildstop.server.internal.SigV4Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A local CodeBuild endpoint over an {@link InMemoryCodeBuild}: CodeBuild's own protocol ({@code POST /},
 * {@code X-Amz-Target: CodeBuild_20161006.<Operation>}, {@code application/x-amz-json-1.1}), so the AWS SDKs, the
 * AWS CLI and {@code AwsBuildStopper} work against it unchanged. It answers StopBuild and what a client needs
 * around it: CreateProject, BatchGetProjects, StartBuild, BatchGetBuilds, ListBuilds and ListBuildsForProject, with
 * real CodeBuild's members, defaults and errors ({@code {"__type": ..., "message": ...}}, HTTP 400).
 *
 * <pre>{@code
 * try (CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create())) {
 *   CodeBuildClient client = CodeBuildClient.builder().endpointOverride(server.endpoint())...build();
 *   server.backend().put(anyBuild);   // seed builds in any state, then drive them over HTTP
 * }
 * }</pre>
 *
 * <p>Safe by default: it binds {@code 127.0.0.1} unless told otherwise, refuses bodies over a limit without
 * reading them in full, and, once access keys are configured, refuses requests not signed with one of them
 * (SigV4, with the errors AWS sends). A refused request changes nothing. With {@link Builder#lifecycle(Duration)},
 * started builds run through their phases and succeed, unless stopped first.
 *
 * <p>Besides CodeBuild's protocol it answers two local paths of its own, with no signature needed: {@code GET
 * /_buildstop/status}: the builds and projects held, how many builds run and were evicted, the bounds ({@link
 * Builder#maxBuilds}, {@link Builder#maxProjects}) and the uptime, as JSON (it shows counts only); and {@code GET
 * /_buildstop/events}: the backend's recent build events ({@link Builder#recentEvents(int)}), a JSON array, for a
 * test in another process. With {@link Builder#eventsTo(URI)} it also POSTs each event to a URL. And a page, at
 * {@code GET /_buildstop/ui/}, to watch the builds, their phases, batches and events, and stop one: it answers
 * this machine alone (the loopback interface, a loopback {@code Host}) unless {@link Builder#pageOnNetwork(boolean)},
 * shows no secret, and with SigV4 verification on may not stop unless {@link Builder#pageStopsUnsigned(boolean)}
 * (server/README.md, "The page").
 *
 * <p>No client can stall another: a connection waiting for its client holds no thread, and reading a request has
 * deadlines ({@link Builder#requestHeadTimeout}, {@link Builder#requestBodyTimeout}, {@link Builder#idleTimeout});
 * a client past one is answered 408 and its connection closed. It runs on Netty (server/README.md says what that
 * brings into a classpath).
 *
 * <p>Thread-safe. Requests are answered on a fixed number of threads, and one more accepts connections; {@link
 * #close()} stops the server, its threads and the lifecycle scheduler, and leaves the backend as it is.
 */
public final class CodeBuildServer implements AutoCloseable {
  private static final AtomicInteger SERVERS = new AtomicInteger();

  /**
   * Two threads per processor, at least four: they read requests and answer them (one more thread accepts
   * connections). The work is CPU only (the backend is in memory); a connection waiting for its client holds no
   * thread, so a slow client stalls no other (RELIABILITY.md §8 measures 1,000 stalled connections beside a normal
   * client).
   */
  public static final int DEFAULT_WORKER_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private final NettyFront front;
  private final Optional<Lifecycle> lifecycle;
  private final InMemoryCodeBuild backend;
  private final URI endpoint;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<Error> failure = new AtomicReference<>();
  private final Consumer<Error> onFatalError;
  private final Map<String, Operation> operations;
  private final String accountId;
  private final ServerEvents events;
  private final Optional<EventPoster> eventsTo;

  private CodeBuildServer(Builder builder) {
    this.onFatalError = builder.onFatalError;
    this.backend = builder.backend != null ? builder.backend : builder.defaultBackend
        .clock(builder.clock).region(builder.region).accountId(builder.accountId).build();
    int serverNumber = SERVERS.incrementAndGet();
    Arns arns = new Arns(builder.region, builder.accountId);
    this.accountId = builder.accountId;
    this.operations = CodeBuildApi.operations(backend, arns, builder.clock);
    Optional<SigV4Verifier> verifier = builder.credentials.isEmpty()
        ? Optional.empty()
        : Optional.of(new SigV4Verifier(builder.credentials, builder.region, builder.clock, hostNames(builder)));

    InetSocketAddress address = new InetSocketAddress(builder.host, builder.port);
    if (address.isUnresolved()) {
      throw new UncheckedIOException(new IOException("cannot resolve host " + builder.host));
    }
    this.events = new ServerEvents(backend, builder.recentEvents);
    this.eventsTo = Optional.ofNullable(builder.eventsTo)
        .map(target -> new EventPoster(target, EventPoster.DEFAULT_QUEUE_CAPACITY));
    eventsTo.ifPresent(backend::addEventListener);
    Map<String, Operation> served = observed(operations, builder.onOperation);
    // the page stops through the operations the endpoint serves: the same checks, errors, events and listener
    PagePaths page = new PagePaths(backend, served, new PageGuard(builder.pageOnNetwork, verifier.isPresent(),
        builder.pageStopsUnsigned, builder.hostNames), events, builder.clock,
        Optional.ofNullable(builder.phaseDuration));
    this.front = NettyFront.start(address, builder.workerThreads, "buildstop-server-" + serverNumber,
        new Dispatcher(served, builder.maxRequestBytes, builder.maxAnswerBytes, verifier,
            Optional.of(new ServerStatus(backend, eventsTo)), Optional.of(events), Optional.of(page)),
        new Deadlines(builder.requestHeadTimeout, builder.requestBodyTimeout, builder.idleTimeout), this::failed);
    this.endpoint = endpointOf(address.getAddress(), front.address().getPort());
    this.lifecycle = Optional.ofNullable(builder.phaseDuration).map(phase -> Lifecycle.start(
        backend, phase, "buildstop-server-" + serverNumber + "-lifecycle"));
  }

  // an Error in a thread of the server (out of memory, a stack overflow): nothing it holds can be trusted, so it
  // closes at once rather than leave a port that accepts and never answers; the first Error is the one kept
  private void failed(Error error) {
    if (!failure.compareAndSet(null, error)) {
      return;
    }
    Thread closing = new Thread(() -> {
      try {
        stop(Duration.ZERO);
      } finally {
        onFatalError.accept(error);
      }
    }, "buildstop-server-fatal");
    closing.setDaemon(true);
    closing.start();
  }

  /**
   * The {@link Error} that stopped this server, if one did: an Error in one of its threads (an {@code
   * OutOfMemoryError}, say) closes the server at once, and {@link Builder#onFatalError} hears of it.
   */
  public Optional<Error> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** A builder, for a server other than {@link #start(InMemoryCodeBuild)}'s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A started server over {@code backend} on {@code 127.0.0.1} and a free port, with the {@link Builder}'s
   * defaults: no signature checks, no lifecycle mode.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public static CodeBuildServer start(InMemoryCodeBuild backend) {
    return builder().backend(backend).start();
  }

  /** Where clients reach the server, {@code http://127.0.0.1:<port>}; a wildcard bind is reached on loopback. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * The address of the server's page, {@code http://127.0.0.1:<port>/_buildstop/ui/}: the builds, their phases,
   * batches and events, and a Stop button. Open it from a test paused in a debugger to see what the endpoint holds.
   */
  public URI page() {
    return URI.create(endpoint + PagePaths.PREFIX + "/");
  }

  /** The port the server listens on. */
  public int port() {
    return endpoint.getPort();
  }

  /** The backend the server answers from: seed builds into it, read them from it. */
  public InMemoryCodeBuild backend() {
    return backend;
  }

  /**
   * Creates a project named {@code projectName} as the smallest CreateProject input makes it (an S3 source, no
   * artifacts, a standard Linux image), unless one has that name: a fixture for tests, which then start its builds
   * over HTTP.
   *
   * @return whether the project was created (false if it existed)
   * @throws IllegalArgumentException if the name breaks CodeBuild's project-name pattern
   * @throws IllegalStateException if the server holds {@link Builder#maxProjects(int)} projects
   */
  public boolean createProject(String projectName) {
    Objects.requireNonNull(projectName, "projectName");
    if (backend.project(projectName).isPresent()) {
      return false;
    }
    ObjectNode input = Json.object().put("name", projectName).put("serviceRole",
        "arn:aws:iam::" + accountId + ":role/service-role/buildstop");
    input.putObject("source").put("type", "S3").put("location", "buildstop-input/source.zip");
    input.putObject("artifacts").put("type", "NO_ARTIFACTS");
    input.putObject("environment").put("type", "LINUX_CONTAINER").put("image", "aws/codebuild/standard:7.0")
        .put("computeType", "BUILD_GENERAL1_SMALL");
    try {
      operations.get("CreateProject").answer(new Operation.Call(input, "buildstop"));
      return true;
    } catch (ServiceError refused) {
      if (backend.project(projectName).isPresent()) {
        return false;
      }
      if (refused.type().equals("AccountLimitExceededException")) {
        throw new IllegalStateException(refused.getMessage(), refused);
      }
      throw new IllegalArgumentException(refused.getMessage(), refused);
    }
  }

  /**
   * Resets the backend ({@link InMemoryCodeBuild#reset()}), its projects with its builds: the server as it started,
   * on the same port with the same settings. For a server shared between tests.
   */
  public void reset() {
    backend.reset();
    events.clear();
  }

  /**
   * The recent build events the backend emitted, oldest first, the newest {@link Builder#recentEvents(int)} of them:
   * what {@code GET /_buildstop/events} answers.
   */
  public List<BuildEvent> recentEvents() {
    return events.events();
  }

  // the operation's name to the builder's listener, before the operation answers
  private static Map<String, Operation> observed(Map<String, Operation> operations, Consumer<String> listener) {
    Map<String, Operation> observed = new LinkedHashMap<>();
    operations.forEach((name, operation) -> observed.put(name, call -> {
      listener.accept(name);
      return operation.answer(call);
    }));
    return observed;
  }

  /**
   * Stops the server at once, its worker threads and the lifecycle scheduler; requests in flight are cut off. The
   * backend keeps its builds. Idempotent. {@link #stop(Duration)} lets them finish first.
   *
   * @throws IllegalStateException after the server stopped on a fatal error ({@link #failure()}), with that error
   *     as its cause, so that a test that embeds the server fails for it
   */
  @Override
  public void close() {
    stop(Duration.ZERO);
    Error error = failure.get();
    if (error != null) {
      throw new IllegalStateException("the CodeBuild server stopped on a fatal error: " + error, error);
    }
  }

  /**
   * Stops the server gracefully: stops accepting connections at once, lets the requests in flight finish for at
   * most {@code gracePeriod}, then closes as {@link #close()} does, cutting off what is still running. Returns when
   * closed. Idempotent: a second call, or a call after {@link #close()}, returns at once.
   *
   * @return whether every request in flight finished within the grace period
   * @throws IllegalArgumentException if the grace period is negative
   */
  public boolean stop(Duration gracePeriod) {
    Objects.requireNonNull(gracePeriod, "gracePeriod");
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod must not be negative: " + gracePeriod);
    }
    if (!closed.compareAndSet(false, true)) {
      return true;
    }
    lifecycle.ifPresent(Lifecycle::close);
    boolean finished = front.stop(gracePeriod);
    // a backend passed to the builder outlives the server: it stops telling the server's listeners
    backend.removeEventListener(events.listener());
    eventsTo.ifPresent(poster -> {
      backend.removeEventListener(poster);
      poster.close();
    });
    return finished;
  }

  // the names a signed Host may give besides the address reached: the one bound, and those the builder names
  private static Set<String> hostNames(Builder builder) {
    Set<String> names = new HashSet<>(builder.hostNames);
    names.add(builder.host);
    return names;
  }

  private static URI endpointOf(InetAddress address, int port) {
    if (address.isAnyLocalAddress()) {
      return URI.create("http://127.0.0.1:" + port);
    }
    String host = address.getHostAddress();
    return URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port);
  }

  /** Configures and starts a {@link CodeBuildServer}. Every setting has a safe default. */
  public static final class Builder {
    /**
     * The default limit on projects held: 5,000, CodeBuild's own default quota of build projects per region, so that
     * a client creating more is refused here as it would be in a fresh AWS account.
     */
    public static final int DEFAULT_MAX_PROJECTS = InMemoryCodeBuild.Builder.DEFAULT_MAX_PROJECTS;
    /**
     * The default limit on an answer: 16 MiB, a BatchGetBuilds of 100 builds of 160 KiB each, where a build as
     * StartBuild makes it is a few KiB. Each answering thread may hold one answer this large while it is sent.
     */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 16 << 20;
    /** The least limit on an answer: 4 KiB, for one build. */
    public static final int MIN_MAX_ANSWER_BYTES = 4 << 10;
    /** The default limit on a request body: 1 MiB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    /** The default deadline for a request's line and headers, from its first byte: 10 seconds. */
    public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);
    /** The default deadline for a request's body, from the end of its headers: 30 seconds. */
    public static final Duration DEFAULT_REQUEST_BODY_TIMEOUT = Duration.ofSeconds(30);
    /** The default time a kept-alive connection may wait for its next request: 30 seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-[0-9]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private InMemoryCodeBuild backend;
    private String host = "127.0.0.1";
    private int port;
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final Set<String> hostNames = new HashSet<>();
    private Duration phaseDuration;
    // the default backend's own settings (stop latency, bounds), checked where they are defined
    private final InMemoryCodeBuild.Builder defaultBackend = InMemoryCodeBuild.builder();
    private Clock clock = Clock.systemUTC();
    private int workerThreads = DEFAULT_WORKER_THREADS;
    private Duration requestHeadTimeout = DEFAULT_REQUEST_HEAD_TIMEOUT;
    private Duration requestBodyTimeout = DEFAULT_REQUEST_BODY_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Consumer<Error> onFatalError = error -> { };
    private Consumer<String> onOperation = operation -> { };
    private int recentEvents = DEFAULT_RECENT_EVENTS;
    private URI eventsTo;
    private boolean pageOnNetwork;
    private boolean pageStopsUnsigned;

    /** How many recent build events {@code GET /_buildstop/events} answers unless told otherwise. */
    public static final int DEFAULT_RECENT_EVENTS = 1_000;

    private Builder() {}

    /**
     * How many of the backend's most recent build events the local events path, {@code GET /_buildstop/events},
     * keeps and answers ({@link #DEFAULT_RECENT_EVENTS} by default).
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder recentEvents(int events) {
      if (events < 1) {
        throw new IllegalArgumentException("recentEvents must be at least 1: " + events);
      }
      this.recentEvents = events;
      return this;
    }

    /**
     * Opens the page ({@code /_buildstop/ui/}) to the network: its paths then answer any peer, with any {@code Host}.
     * Off by default: they answer requests from the loopback interface alone, with a {@code Host} of {@code
     * 127.0.0.1}, {@code localhost}, {@code [::1]} or a {@link #hostName}, and refuse others with 403 {@code
     * AccessDeniedException}. CodeBuild's own protocol is not affected; bind a non-loopback {@link #host} to use it.
     */
    public Builder pageOnNetwork(boolean open) {
      this.pageOnNetwork = open;
      return this;
    }

    /**
     * Lets the page stop builds and batches while SigV4 verification is on ({@link #credentials}): the page signs
     * nothing, so by default its stops are then refused with 403 {@code AccessDeniedException}, which names this
     * option. Its reads are allowed either way. Without credentials the page may always stop.
     */
    public Builder pageStopsUnsigned(boolean allowed) {
      this.pageStopsUnsigned = allowed;
      return this;
    }

    /**
     * POSTs each build event the backend emits, as JSON as EventBridge delivers it, to {@code url} (an {@code http}
     * or {@code https} URL): in order, one at a time, retried with a doubling backoff, through a bounded queue whose
     * overflow is dropped and counted. The status path counts what was delivered, retried, failed and dropped.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL
     */
    public Builder eventsTo(URI url) {
      Objects.requireNonNull(url, "url");
      if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())
          || url.getHost() == null) {
        throw new IllegalArgumentException("eventsTo must be an absolute http or https URL: " + url);
      }
      this.eventsTo = url;
      return this;
    }

    /**
     * The backend to answer from; by default a new {@link InMemoryCodeBuild} in this builder's region, account
     * and clock. A backend passed here names build ARNs in its own region and account.
     */
    public Builder backend(InMemoryCodeBuild backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /** The address to bind; {@code 127.0.0.1} by default. {@code 0.0.0.0} exposes the server to the network. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port to bind, 0 to 65535; 0 (the default) picks a free one, which {@link #port()} then tells. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The largest request body accepted, in bytes; 1 MiB by default. A larger one is refused with HTTP 413
     * {@code RequestEntityTooLargeException}, without being read in full.
     *
     * @throws IllegalArgumentException if not positive, or {@link Integer#MAX_VALUE}
     */
    public Builder maxRequestBytes(int bytes) {
      if (bytes <= 0 || bytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxRequestBytes must be positive and below Integer.MAX_VALUE: " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /** The region in ARNs and the SigV4 scope; {@code us-east-1} by default. */
    public Builder region(String region) {
      if (!REGION.matcher(Objects.requireNonNull(region, "region")).matches()) {
        throw new IllegalArgumentException("not an AWS region name: " + region);
      }
      this.region = region;
      return this;
    }

    /** The account in ARNs, twelve digits; {@code 123456789012} by default. */
    public Builder accountId(String accountId) {
      if (!ACCOUNT_ID.matcher(Objects.requireNonNull(accountId, "accountId")).matches()) {
        throw new IllegalArgumentException("an account id has twelve digits: " + accountId);
      }
      this.accountId = accountId;
      return this;
    }

    /**
     * Turns on SigV4 verification and accepts requests signed with this key; call again to accept more keys.
     * Unsigned requests are then refused ({@code MissingAuthenticationTokenException}), as are requests signed
     * with another access key ({@code UnrecognizedClientException}) or another secret, another body, a clock
     * more than five minutes off, a credential scope dated another day than the request, a signed {@code Host}
     * other than the one the request reached (see {@link #hostName}), or {@code X-Amz-Target} or {@code
     * Content-Type} left unsigned ({@code InvalidSignatureException}). The secret is never logged or echoed.
     */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      if (accessKeyId.isEmpty() || secretAccessKey.isEmpty() || accessKeyId.contains("/")) {
        throw new IllegalArgumentException("an access key id (without '/') and a secret are both required");
      }
      credentials.put(accessKeyId, secretAccessKey);
      return this;
    }

    /**
     * With SigV4 verification, a host name clients reach the server by (such as a container's service name), which a
     * signed {@code Host} may give with the server's port; call again for more. Always accepted: the address the
     * connection reached, {@code localhost} on loopback, and the host the server binds.
     */
    public Builder hostName(String hostName) {
      Objects.requireNonNull(hostName, "hostName");
      if (hostName.isBlank() || hostName.contains(":")) {
        throw new IllegalArgumentException("a host name, without a port: " + hostName);
      }
      hostNames.add(hostName);
      return this;
    }

    /**
     * Turns on lifecycle mode: each running build stays this long in each phase, and after FINALIZING completes
     * as SUCCEEDED, unless it is stopped first. Off by default: builds stay where StartBuild or the seeding left
     * them.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder lifecycle(Duration phaseDuration) {
      Objects.requireNonNull(phaseDuration, "phaseDuration");
      if (phaseDuration.isNegative() || phaseDuration.isZero()) {
        throw new IllegalArgumentException("phaseDuration must be positive: " + phaseDuration);
      }
      this.phaseDuration = phaseDuration;
      return this;
    }

    /**
     * Turns on asynchronous stops (spec §4.9) in the default backend: StopBuild is accepted at once, but its answer
     * and every read show the running build until {@code stopLatency} has passed; the build then settles as if
     * stopped at the time of the call. Off by default. A backend passed to {@link #backend} keeps its own setting.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder stopLatency(Duration stopLatency) {
      defaultBackend.stopLatency(Objects.requireNonNull(stopLatency, "stopLatency"));
      return this;
    }

    /**
     * The most builds the default backend holds ({@link InMemoryCodeBuild.Builder#DEFAULT_MAX_BUILDS} unless
     * set): beyond it the oldest complete builds are evicted, and with every build running StartBuild answers
     * {@code AccountLimitExceededException}, so a flood of StartBuild never runs the server out of memory. A backend
     * passed to {@link #backend} keeps its own setting.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxBuilds(int maxBuilds) {
      defaultBackend.maxBuilds(maxBuilds);
      return this;
    }

    /**
     * The largest answer an operation may have, in bytes; {@link #DEFAULT_MAX_ANSWER_BYTES} (16 MiB) by default. An
     * answer that would be larger (a BatchGetBuilds or BatchGetProjects of 100 large builds or projects) is not
     * produced beyond the limit: it is refused with 500 {@code InternalFailure}, which says so, and the connection
     * carries the next request as usual. Amplified answers cannot run the server out of memory: each answering
     * thread holds at most one answer of this size.
     *
     * @throws IllegalArgumentException if below {@link #MIN_MAX_ANSWER_BYTES}
     */
    public Builder maxAnswerBytes(int maxAnswerBytes) {
      if (maxAnswerBytes < MIN_MAX_ANSWER_BYTES) {
        throw new IllegalArgumentException("maxAnswerBytes must be at least " + MIN_MAX_ANSWER_BYTES + ": "
            + maxAnswerBytes);
      }
      this.maxAnswerBytes = maxAnswerBytes;
      return this;
    }

    /**
     * The most projects the default backend holds ({@link #DEFAULT_MAX_PROJECTS}, 5,000, unless set): CreateProject
     * beyond it answers 400 {@code AccountLimitExceededException}, as CodeBuild does past its quota, and stores
     * nothing. A backend passed to {@link #backend} keeps its own setting.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxProjects(int maxProjects) {
      defaultBackend.maxProjects(maxProjects);
      return this;
    }

    /**
     * The clock for project timestamps and for SigV4's five-minute window, and the default backend's clock; the
     * system UTC clock by default.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a request's line and headers may take to arrive, from its first byte; {@link
     * #DEFAULT_REQUEST_HEAD_TIMEOUT} (10 s) by default. A client past it is answered 408 {@code
     * RequestTimeoutException} and its connection closed.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder requestHeadTimeout(Duration timeout) {
      this.requestHeadTimeout = positive(timeout, "requestHeadTimeout");
      return this;
    }

    /**
     * How long a request's body may take to arrive, from the end of its headers; {@link
     * #DEFAULT_REQUEST_BODY_TIMEOUT} (30 s) by default. A client past it is answered 408 {@code
     * RequestTimeoutException} and its connection closed.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder requestBodyTimeout(Duration timeout) {
      this.requestBodyTimeout = positive(timeout, "requestBodyTimeout");
      return this;
    }

    /**
     * How long a kept-alive connection may wait for the first byte of its next request (or of its first) before the
     * server closes it; {@link #DEFAULT_IDLE_TIMEOUT} (30 s) by default.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "idleTimeout");
      return this;
    }

    private static Duration positive(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + timeout);
      }
      return timeout;
    }

    /** How many threads answer requests; by default {@link #DEFAULT_WORKER_THREADS}. */
    public Builder workerThreads(int threads) {
      if (threads <= 0) {
        throw new IllegalArgumentException("workerThreads must be positive: " + threads);
      }
      this.workerThreads = threads;
      return this;
    }

    /**
     * What to do when an {@link Error} (an {@code OutOfMemoryError}, say) in one of the server's threads has closed
     * it: called once, on a thread of its own, after the server closed. By default nothing more; {@link
     * CodeBuildServer#failure()} and {@link CodeBuildServer#close()} tell of it. {@code buildstop serve} prints it
     * and exits.
     */
    public Builder onFatalError(Consumer<Error> onFatalError) {
      this.onFatalError = Objects.requireNonNull(onFatalError, "onFatalError");
      return this;
    }

    /**
     * Tells {@code listener} the name of each operation called ({@code StopBuild}, ...) once the request passed the
     * protocol and signature checks, before the operation answers; on the worker thread, so it must be quick and
     * thread-safe. Nothing by default. The JUnit 5 extension records calls with it.
     */
    public Builder onOperation(Consumer<String> listener) {
      this.onOperation = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws UncheckedIOException if the address cannot be bound (in use, not local, not resolvable)
     */
    public CodeBuildServer start() {
      return new CodeBuildServer(this);
    }
  }
}
