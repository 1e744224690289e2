package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.SortOrderType;
import io.buildstop.wire.InvalidMember;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The endpoint's page (issue 20), every path under {@value #PREFIX}{@code /}: buildstop's own, not CodeBuild's,
 * for a person to watch builds and stop one. {@link PageGuard} admits each request first. Then:
 * <ul>
 *   <li>{@code GET /_buildstop/ui/} the page, {@code page.js}, {@code page.css} ({@link PageAssets}); {@code GET
 *       /_buildstop/ui} is redirected there (308);</li>
 *   <li>{@code GET builds?project=&status=&nextToken=&maxResults=}: {@code {"now", "builds": [...], "nextToken"?,
 *       "matched"}}, newest first in ListBuilds' order and paging (the backend's), 25 a page unless 1 to 100 are
 *       asked; {@code batches?...} the same for batch builds ({@code "buildBatches"}); {@code build?id=}: {@code
 *       {"now", "build"}}; {@code projects}: {@code {"projects": [{"name", "builds", "runningBuilds"}]}} by name;
 *       {@code events?after=N}: {@code {"events": [...], "last"}} ({@link ServerEvents#after}, each event as
 *       EventBridge delivers it but for secret variables' values); {@code settings}: {@code {"stopAllowed",
 *       "stopRefusedBecause"?, "lifecycle"?}} ({@link PageShapes} writes builds and batches, with nothing secret);</li>
 *   <li>{@code POST stop-build} and {@code stop-build-batch}, body {@code {"id"}}: the endpoint's own StopBuild and
 *       StopBuildBatch operations (their checks, errors and events), answered {@code {"build"}} or {@code
 *       {"buildBatch"}} as the page shows them, or the operation's typed error with its status.</li>
 * </ul>
 * Another method is 405 with {@code Allow}, another path 404 {@code UnknownOperationException}. Every answer, the
 * refusals too, carries {@code application/json} (but the files), a Content-Security-Policy that lets the page load
 * nothing but its own files, {@code X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store}.
 */
public final class PagePaths {
  /** The prefix of every path of the page. */
  public static final String PREFIX = "/_buildstop/ui";
  /** A page of builds or batches unless the page asks for another size. */
  static final int DEFAULT_PAGE_SIZE = 25;
  /** The most events one answer of the events path holds. */
  static final int MOST_EVENTS = 100;

  private static final List<Map.Entry<String, String>> SECURITY_HEADERS = List.of(
      Map.entry("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; "
          + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"),
      Map.entry("X-Content-Type-Options", "nosniff"),
      Map.entry("Cache-Control", "no-store"),
      Map.entry("Referrer-Policy", "no-referrer"));
  private static final Set<String> READS = Set.of("", "page.js", "page.css", "builds", "build", "batches",
      "projects", "events", "settings");
  private static final Set<String> STOPS = Set.of("stop-build", "stop-build-batch");
  private static final List<String> STATUSES = Arrays.stream(StatusType.values()).map(Enum::name)
      .filter(name -> !name.equals("UNKNOWN_TO_SDK_VERSION")).toList();

  private final InMemoryCodeBuild backend;
  private final Map<String, Operation> operations;
  private final PageGuard guard;
  private final ServerEvents events;
  private final Clock clock;
  private final Optional<Duration> lifecycle;
  private final PageAssets assets = PageAssets.load();

  /**
   * The page of {@code backend}, stopping through {@code operations} (the endpoint's own, by name), admitting
   * requests by {@code guard}, showing {@code events}, telling the time by {@code clock} and the lifecycle's phase
   * duration when there is one.
   */
  public PagePaths(InMemoryCodeBuild backend, Map<String, Operation> operations, PageGuard guard,
      ServerEvents events, Clock clock, Optional<Duration> lifecycle) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.operations = Map.copyOf(operations);
    this.guard = Objects.requireNonNull(guard, "guard");
    this.events = Objects.requireNonNull(events, "events");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
  }

  /** Whether {@code rawPath} is one of the page's: {@value #PREFIX} or below it, the one rule for them all. */
  public static boolean covers(String rawPath) {
    return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
  }

  /**
   * The answer to a request at one of the page's paths.
   *
   * @throws IOException when the connection failed while a stop's body was read
   */
  public HttpAnswer answer(HttpCall call) throws IOException {
    try {
      guard.admit(call);
      if (call.rawPath().equals(PREFIX)) {
        onlyFor(call, "GET");
        return new HttpAnswer(308, AnswerBuffer.ofThisThread(), "text/plain; charset=utf-8", RequestIds.next(),
            Optional.empty(), false, withSecurity(Map.entry("Location", PREFIX + "/")));
      }
      String name = call.rawPath().substring(PREFIX.length() + 1);
      if (READS.contains(name)) {
        onlyFor(call, "GET");
        Optional<PageAssets.Asset> asset = assets.asset(name);
        if (asset.isPresent()) {
          AnswerBuffer body = AnswerBuffer.ofThisThread();
          body.write(asset.get().bytes(), 0, asset.get().bytes().length);
          return answer(200, body, asset.get().contentType());
        }
        return json(read(name, PageQuery.of(call.rawQuery())));
      }
      if (STOPS.contains(name)) {
        onlyFor(call, "POST");
        guard.admitStop(call);
        ObjectNode input = Json.withoutNullMembers(Json.requestObject(call.body().bytes()));
        return json(name.equals("stop-build") ? stopBuild(input) : stopBuildBatch(input));
      }
      throw ServiceError.of(404, "UnknownOperationException", "The page has nothing at "
          + InvalidMember.shown(call.rawPath()));
    } catch (ServiceError refused) {
      return refusal(refused, refused.status() == 405 ? Optional.of(allowed(call.rawPath())) : Optional.empty());
    } catch (RuntimeException bug) {
      return refusal(ServiceError.of(500, "InternalFailure", "The server failed to answer the request"),
          Optional.empty());
    }
  }

  private Reply read(String name, PageQuery query) {
    switch (name) {
      case "builds":
        return builds(query);
      case "build":
        return build(query);
      case "batches":
        return batches(query);
      case "projects":
        return projects();
      case "events":
        return events(query.number("after", 0, Long.MAX_VALUE, 0));
      case "settings":
        return settings();
      default:
        throw new IllegalStateException("no read named " + name);
    }
  }

  private Reply builds(PageQuery query) {
    Optional<String> project = project(query);
    Optional<String> status = status(query);
    int pageSize = (int) query.number("maxResults", 1, 100, DEFAULT_PAGE_SIZE);
    Predicate<Build> which = status.<Predicate<Build>>map(wanted -> build -> build.buildStatusAsString()
        .filter(wanted::equals).isPresent()).orElse(build -> true);
    BuildIdPage page = backend.listBuilds(project, which, SortOrderType.DESCENDING, query.text("nextToken"),
        pageSize).getOrElseThrow(BuildOperations::refusal);
    ObjectNode answer = now();
    ArrayNode builds = answer.putArray("builds");
    // a build evicted since its id was listed is left out: the page shows what is held
    if (!page.ids().isEmpty()) {
      backend.batchGetBuilds(ids(page)).getOrElseThrow(BuildOperations::refusal).builds()
          .forEach(build -> builds.add(PageShapes.build(build)));
    }
    page.nextToken().ifPresent(token -> answer.put("nextToken", token));
    // unfiltered, every build held matches: counted without a walk over them
    answer.put("matched", project.isEmpty() && status.isEmpty() ? backend.buildCount()
        : backend.countBuilds(project, which));
    return Reply.of(answer);
  }

  private Reply build(PageQuery query) {
    return buildAnswer(query.text("id")
        .orElseThrow(() -> ServiceError.invalidInput("Give the build's id: build?id=ID")));
  }

  // {"now", "build"}: the build as BatchGetBuilds reads it, shown as the page shows it
  private Reply buildAnswer(String id) {
    Build build = backend.batchGetBuilds(List.of(id)).getOrElseThrow(BuildOperations::refusal).builds().stream()
        .findFirst().orElseThrow(() -> ServiceError.resourceNotFound("Build not found: " + InvalidMember.shown(id)));
    ObjectNode answer = now();
    answer.set("build", PageShapes.build(build));
    return Reply.of(answer);
  }

  private Reply batches(PageQuery query) {
    Optional<String> project = project(query);
    Optional<String> status = status(query);
    int pageSize = (int) query.number("maxResults", 1, 100, DEFAULT_PAGE_SIZE);
    Predicate<BuildBatch> which = status.<Predicate<BuildBatch>>map(wanted -> batch -> batch
        .buildBatchStatusAsString().filter(wanted::equals).isPresent()).orElse(batch -> true);
    BuildIdPage page = backend.listBuildBatches(project, which, SortOrderType.DESCENDING, query.text("nextToken"),
        pageSize).getOrElseThrow(BuildOperations::refusal);
    ObjectNode answer = now();
    ArrayNode batches = answer.putArray("buildBatches");
    if (!page.ids().isEmpty()) {
      backend.batchGetBuildBatches(ids(page)).getOrElseThrow(BuildOperations::refusal).buildBatches()
          .forEach(batch -> batches.add(PageShapes.buildBatch(batch, backend::build)));
    }
    page.nextToken().ifPresent(token -> answer.put("nextToken", token));
    answer.put("matched", project.isEmpty() && status.isEmpty() ? backend.buildBatchCount()
        : backend.countBuildBatches(project, which));
    return Reply.of(answer);
  }

  private Reply projects() {
    Map<String, int[]> counts = new TreeMap<>();
    backend.projects().forEach(project -> counts.put(project.name().orElseThrow(), new int[2]));
    for (Build build : backend.builds()) {
      build.projectName().ifPresent(name -> counts.computeIfAbsent(name, known -> new int[2])[0]++);
    }
    for (Build build : backend.runningBuilds()) {
      build.projectName().ifPresent(name -> counts.computeIfAbsent(name, known -> new int[2])[1]++);
    }
    ObjectNode answer = Json.object();
    ArrayNode projects = answer.putArray("projects");
    counts.forEach((name, count) -> projects.addObject().put("name", name).put("builds", count[0])
        .put("runningBuilds", count[1]));
    return Reply.of(answer);
  }

  private Reply events(long after) {
    ServerEvents.Numbered numbered = events.after(after, MOST_EVENTS);
    ObjectNode answer = Json.object();
    ArrayNode list = answer.putArray("events");
    numbered.events().forEach(event -> list.add(PageShapes.event(event)));
    answer.put("last", numbered.last());
    return Reply.of(answer);
  }

  private Reply settings() {
    ObjectNode answer = Json.object();
    Optional<String> refused = guard.stopRefusedBecause();
    answer.put("stopAllowed", refused.isEmpty());
    refused.ifPresent(reason -> answer.put("stopRefusedBecause", reason));
    lifecycle.ifPresent(phase -> answer.put("lifecycle", phase.toString()));
    return Reply.of(answer);
  }

  // the endpoint's own StopBuild: its checks, its errors, its events; the answer is the build as the page shows it
  private Reply stopBuild(ObjectNode input) {
    operation("StopBuild").answer(new Operation.Call(input, "buildstop"));
    return buildAnswer(input.path("id").asText());
  }

  private Reply stopBuildBatch(ObjectNode input) {
    operation("StopBuildBatch").answer(new Operation.Call(input, "buildstop"));
    String id = input.path("id").asText();
    BuildBatch batch = backend.batchGetBuildBatches(List.of(id)).getOrElseThrow(BuildOperations::refusal)
        .buildBatches().stream().findFirst().orElseThrow(() -> ServiceError.invalidInput(
            "Build batch not found: " + InvalidMember.shown(id)));
    ObjectNode answer = now();
    answer.set("buildBatch", PageShapes.buildBatch(batch, backend::build));
    return Reply.of(answer);
  }

  private Operation operation(String name) {
    Operation operation = operations.get(name);
    if (operation == null) {
      throw new IllegalStateException("the endpoint serves no " + name);
    }
    return operation;
  }

  private ObjectNode now() {
    return Json.object().put("now", clock.instant().toString());
  }

  private static Optional<String> project(PageQuery query) {
    Optional<String> project = query.text("project");
    project.ifPresent(name -> {
      if (BuildId.parseProjectName(name).isLeft()) {
        throw ServiceError.invalidInput("project must be a project name (" + Arns.PROJECT_NAME.pattern() + "), not "
            + InvalidMember.shown(name));
      }
    });
    return project;
  }

  private static Optional<String> status(PageQuery query) {
    Optional<String> status = query.text("status");
    status.ifPresent(value -> {
      if (!STATUSES.contains(value)) {
        throw ServiceError.invalidInput("status must be one of " + String.join(", ", STATUSES) + ", not "
            + InvalidMember.shown(value));
      }
    });
    return status;
  }

  private static List<String> ids(BuildIdPage page) {
    return page.ids().stream().map(BuildId::value).collect(Collectors.toList());
  }

  private static void onlyFor(HttpCall call, String method) {
    if (!method.equals(call.method())) {
      throw ServiceError.of(405, "UnknownOperationException", call.rawPath() + " answers " + method + " only, not "
          + InvalidMember.shown(call.method()).replace("'", ""));
    }
  }

  private static String allowed(String rawPath) {
    return covers(rawPath) && rawPath.length() > PREFIX.length()
        && STOPS.contains(rawPath.substring(PREFIX.length() + 1)) ? "POST" : "GET";
  }

  private static HttpAnswer json(Reply reply) {
    return answer(200, Json.write(reply), Dispatcher.PLAIN_JSON);
  }

  private static HttpAnswer answer(int status, AnswerBuffer body, String contentType) {
    return new HttpAnswer(status, body, contentType, RequestIds.next(), Optional.empty(), false, SECURITY_HEADERS);
  }

  private static HttpAnswer refusal(ServiceError refused, Optional<String> allow) {
    // a 413 leaves the rest of the body unread: the connection cannot carry another request
    return new HttpAnswer(refused.status(), Json.write(Reply.of(refused.body())), Dispatcher.PLAIN_JSON,
        RequestIds.next(), allow, refused.status() == 413, SECURITY_HEADERS);
  }

  private static List<Map.Entry<String, String>> withSecurity(Map.Entry<String, String> more) {
    List<Map.Entry<String, String>> headers = new java.util.ArrayList<>(SECURITY_HEADERS);
    headers.add(more);
    return headers;
  }
}
