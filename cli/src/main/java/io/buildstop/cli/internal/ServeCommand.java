package io.buildstop.cli.internal;

import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code buildstop serve}: a local CodeBuild endpoint over an in-memory CodeBuild, until stopped. */
@Command(name = "serve",
    sortOptions = false,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Run a local CodeBuild endpoint over the in-memory CodeBuild.",
        "",
        "Serves CodeBuild's JSON protocol (StopBuild, BatchGetBuilds, StartBuild, ...) over an in-memory CodeBuild "
            + "until interrupted (Ctrl-C, SIGTERM). Point `buildstop stop --endpoint-url`, the AWS CLI or an SDK at "
            + "the URL it prints first:",
        "  buildstop: CodeBuild endpoint at http://127.0.0.1:PORT",
        "",
        "Besides CodeBuild's POST /, it answers GET /_buildstop/status, unsigned: the builds held, running and "
            + "evicted, the projects held, their bounds (--max-builds, --max-build-batches, --max-projects) and the uptime, as JSON "
            + "(curl http://127.0.0.1:PORT/_buildstop/status); and GET /_buildstop/events: the recent build events "
            + "(CodeBuild Build State Change and Build Phase Change, as EventBridge delivers them), a JSON array.",
        "",
        "It also serves a page, printed second:",
        "  buildstop: page at http://127.0.0.1:PORT/_buildstop/ui/",
        "which lists the builds newest first with their status, phase and age, shows a build's phases as they run, "
            + "the batch builds and the recent events, and stops a running build or batch with the endpoint's own "
            + "StopBuild. It answers this machine only (loopback, a loopback Host) unless --page-on-network, shows no "
            + "secret, and with --access-key may not stop unless --page-stop-unsigned."},
    footerHeading = "%nExample:%n",
    footer = {
        "  buildstop serve --port 4566 --demo-builds &",
        "  buildstop stop --endpoint-url http://127.0.0.1:4566 \\",
        "      --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE",
        "  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws codebuild stop-build \\",
        "      --endpoint-url http://127.0.0.1:4566 --region us-east-1 \\",
        "      --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE"})
public final class ServeCommand implements Callable<Integer> {
  private final Context context;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "The port to listen on; 0 (the default) picks a free one.")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--demo-builds",
      description = "Start with the demo builds (see `buildstop demo-builds`) and the demo batches (see `buildstop "
          + "stop-batch --help`); otherwise with no build.")
  boolean demoBuilds;

  @Option(names = "--lifecycle", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
      description = "Let running builds advance one phase every DURATION (e.g. 5s), as real builds do; by default "
          + "builds stay in their phase until stopped.")
  Duration lifecycle;

  @Option(names = "--stop-latency", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Finish stops DURATION after StopBuild accepted them (e.g. 2s), as CodeBuild may: until then the "
          + "answer and every read show the build running. Try `buildstop stop --wait` against it. By default stops "
          + "finish at once.")
  Duration stopLatency;

  @Option(names = "--max-builds", paramLabel = "N",
      description = "Hold at most N builds (default: " + InMemoryCodeBuild.Builder.DEFAULT_MAX_BUILDS + "): beyond "
          + "it the oldest complete builds are forgotten, and with every build running StartBuild answers "
          + "AccountLimitExceededException, so memory stays bounded.")
  Integer maxBuilds;

  @Option(names = "--max-build-batches", paramLabel = "N",
      description = "Hold at most N batch builds (default: " + InMemoryCodeBuild.Builder.DEFAULT_MAX_BUILD_BATCHES
          + "), as --max-builds holds builds: beyond it the oldest finished batches are forgotten (their builds stay "
          + "builds), and with every batch running StartBuildBatch answers AccountLimitExceededException.")
  Integer maxBuildBatches;

  @Option(names = "--max-projects", paramLabel = "N",
      description = "Hold at most N projects (default: " + CodeBuildServer.Builder.DEFAULT_MAX_PROJECTS + ", "
          + "CodeBuild's own default quota per region): beyond it CreateProject answers "
          + "AccountLimitExceededException and stores nothing.")
  Integer maxProjects;

  @Option(names = "--shutdown-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      defaultValue = "10s",
      description = "On SIGINT or SIGTERM, stop accepting connections and let the requests in flight finish for at "
          + "most DURATION (default: ${DEFAULT-VALUE}), then exit.")
  Duration shutdownTimeout;

  @Option(names = "--request-head-timeout", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
      defaultValue = "10s",
      description = "How long a request's line and headers may take to arrive, from its first byte (default: "
          + "${DEFAULT-VALUE}); a client past it is answered 408 and its connection closed.")
  Duration requestHeadTimeout;

  @Option(names = "--request-body-timeout", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
      defaultValue = "30s",
      description = "How long a request's body may take to arrive, from the end of its headers (default: "
          + "${DEFAULT-VALUE}); a client past it is answered 408 and its connection closed.")
  Duration requestBodyTimeout;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
      defaultValue = "30s",
      description = "How long a kept-alive connection may wait for its next request before it is closed (default: "
          + "${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(names = "--events-to", paramLabel = "URL",
      description = "POST each build event (CodeBuild Build State Change and Build Phase Change, as EventBridge "
          + "delivers them) as JSON to URL, in order, retried with backoff; events a slow URL cannot take are "
          + "dropped and counted in /_buildstop/status (eventsTo).")
  URI eventsTo;

  @Option(names = "--recent-events", paramLabel = "N",
      description = "How many recent build events GET /_buildstop/events answers (default: "
          + CodeBuildServer.Builder.DEFAULT_RECENT_EVENTS + ").")
  Integer recentEvents;

  @Option(names = "--page-on-network",
      description = "Let the page (/_buildstop/ui/) answer requests from other machines and any Host; by default it "
          + "answers this machine only, over the loopback interface, and refuses others with 403.")
  boolean pageOnNetwork;

  @Option(names = "--page-stop-unsigned",
      description = "With --access-key, let the page stop builds and batches though it signs nothing; by default "
          + "its stops are then refused with 403 (its reads are not).")
  boolean pageStopUnsigned;

  @ArgGroup(exclusive = false)
  Credentials credentials;

  @Option(names = "--region", paramLabel = "REGION",
      description = "The region the endpoint says it is in, named in new builds' ARNs.")
  String region;

  @Option(names = "--account-id", paramLabel = "ACCOUNT",
      description = "The account named in new builds' ARNs.")
  String accountId;

  @Mixin
  HelpOption help;

  /** {@code --access-key} with its secret: {@code --secret-key}, {@code --secret-key-file}, or the environment. */
  static final class Credentials {
    @Option(names = "--access-key", paramLabel = "KEY", required = true,
        description = "Accept only calls signed with this access key id and its secret (SigV4, for the host the "
            + "call reached, X-Amz-Target and Content-Type signed); by default any signature, or none, is accepted.")
    String accessKey;

    @Option(names = "--secret-key-file", paramLabel = "FILE",
        description = "Read the secret access key that goes with --access-key from FILE (one line). Or set "
            + SECRET_VARIABLE + ".")
    Path secretKeyFile;

    @Option(names = "--secret-key", paramLabel = "SECRET", arity = "1",
        description = "The secret access key itself; every local user sees it in the process list, so prefer "
            + "--secret-key-file or " + SECRET_VARIABLE + ".")
    String secretKey;

    @Option(names = "--host-name", paramLabel = "NAME",
        description = "A host name clients reach this endpoint by (e.g. a container's service name), accepted as "
            + "the signed host with the endpoint's port; repeat it for more. Always accepted: the address reached, "
            + "localhost on loopback, and --host.")
    List<String> hostNames = new ArrayList<>();
  }

  /** The environment variable {@code serve} reads the secret access key from when no option gives it. */
  public static final String SECRET_VARIABLE = "BUILDSTOP_SECRET_KEY";

  /** A command that runs for as long as {@code context} says. */
  public ServeCommand(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    CompletableFuture<Error> fatal = new CompletableFuture<>();
    CodeBuildServer server = start(fatal::complete);
    PrintWriter out = spec.commandLine().getOut();
    out.println("buildstop: CodeBuild endpoint at " + server.endpoint());
    out.println("buildstop: page at " + server.page());
    out.flush();
    // the lifetime waits on a thread of its own, so that a fatal error in the server ends the command at once
    CompletableFuture<Void> lifetime = new CompletableFuture<>();
    Thread waiting = new Thread(() -> {
      try {
        context.lifetime().runUntilShutdown(() -> server.stop(shutdownTimeout));
        lifetime.complete(null);
      } catch (Exception | Error e) {
        lifetime.completeExceptionally(e);
      }
    }, "buildstop-serve-lifetime");
    waiting.setDaemon(true);
    waiting.start();
    CompletableFuture.anyOf(lifetime, fatal).exceptionally(thrown -> null).join();
    if (fatal.isDone()) {
      // the server has closed itself; the process ends with the reason on stderr (a supervisor restarts it)
      PrintWriter err = spec.commandLine().getErr();
      err.println("buildstop: serve: the endpoint stopped on a fatal error: " + fatal.join());
      err.flush();
      return ExitCodes.UNEXPECTED;
    }
    try {
      lifetime.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return ExitCodes.OK;
  }

  // exactly one source; the secret itself is never shown, not even in an error
  private String secret(Credentials keys) {
    Optional<String> variable = context.variable(SECRET_VARIABLE);
    int sources = (keys.secretKey != null ? 1 : 0) + (keys.secretKeyFile != null ? 1 : 0);
    if (sources > 1) {
      throw usage("--secret-key and --secret-key-file are mutually exclusive: give the secret once");
    }
    if (keys.secretKey != null) {
      return keys.secretKey;
    }
    if (keys.secretKeyFile == null) {
      return variable.orElseThrow(() -> usage("--access-key needs its secret: --secret-key-file FILE, "
          + SECRET_VARIABLE + ", or --secret-key SECRET"));
    }
    String content;
    try {
      content = Files.readString(keys.secretKeyFile, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw usage("cannot read --secret-key-file " + keys.secretKeyFile + ": " + e.getClass().getSimpleName());
    }
    // one line: the newline an editor or `echo` leaves is not part of the secret
    String secret = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
        : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    if (secret.isEmpty() || secret.contains("\n")) {
      throw usage("--secret-key-file " + keys.secretKeyFile + " must hold the secret on one line");
    }
    return secret;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private CodeBuildServer start(Consumer<Error> onFatalError) {
    try {
      // no one can read the StopBuild call history over HTTP: a long-running endpoint keeps none (BENCHMARKS.md)
      InMemoryCodeBuild.Builder memory = InMemoryCodeBuild.builder().clock(context.clock()).stopCallHistory(0);
      CodeBuildServer.Builder builder = CodeBuildServer.builder().clock(context.clock()).host(host).port(port)
          .requestHeadTimeout(requestHeadTimeout).requestBodyTimeout(requestBodyTimeout).idleTimeout(idleTimeout)
          .onFatalError(onFatalError).pageOnNetwork(pageOnNetwork).pageStopsUnsigned(pageStopUnsigned);
      Optional.ofNullable(region).ifPresent(name -> {
        builder.region(name);
        memory.region(name);
      });
      Optional.ofNullable(accountId).ifPresent(account -> {
        builder.accountId(account);
        memory.accountId(account);
      });
      Optional.ofNullable(lifecycle).ifPresent(builder::lifecycle);
      Optional.ofNullable(stopLatency).ifPresent(memory::stopLatency);
      Optional.ofNullable(maxBuilds).ifPresent(memory::maxBuilds);
      Optional.ofNullable(maxBuildBatches).ifPresent(memory::maxBuildBatches);
      Optional.ofNullable(maxProjects).ifPresent(memory::maxProjects);
      Optional.ofNullable(eventsTo).ifPresent(builder::eventsTo);
      Optional.ofNullable(recentEvents).ifPresent(builder::recentEvents);
      if (credentials != null) {
        builder.credentials(credentials.accessKey, secret(credentials));
        credentials.hostNames.forEach(builder::hostName);
      }
      InMemoryCodeBuild backend = memory.build();
      if (demoBuilds) {
        DemoCodeBuild.seed(backend, context.clock().instant()).getOrElseThrow(failure -> usage("--demo-builds: "
            + "the demo builds and batches do not fit in --max-builds or --max-build-batches: " + failure.message()));
      }
      return builder.backend(backend).start();
    } catch (IllegalArgumentException e) {
      // the server's builder checks port, region, account, keys and the phase duration
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (UncheckedIOException e) {
      // "cannot bind 127.0.0.1:4566: Address already in use", "cannot resolve host nowhere"
      IOException cause = e.getCause();
      String message = e.getMessage().equals(String.valueOf(cause))
          ? cause.getMessage()
          : e.getMessage() + ": " + cause.getMessage();
      throw new ParameterException(spec.commandLine(), message, e);
    }
  }
}
