package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.memory.InMemoryCodeBuild;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The endpoint's local status path, {@value #PATH}: not CodeBuild's, buildstop's own, for a person or a supervisor
 * to read how full the bounded stores are (issue 17.1). Counts only: no build, no project, no key.
 */
public final class ServerStatus {
  /** Where the status is answered, to {@code GET} only. */
  public static final String PATH = "/_buildstop/status";

  private final InMemoryCodeBuild backend;
  private final Optional<EventPoster> eventsTo;
  private final long startedNanos = System.nanoTime();

  /** The status of this CodeBuild's builds and projects, its uptime counted from now. */
  public ServerStatus(InMemoryCodeBuild backend) {
    this(backend, Optional.empty());
  }

  /** The same, with the counts of the events sent to {@code --events-to}'s URL when there is one. */
  public ServerStatus(InMemoryCodeBuild backend, Optional<EventPoster> eventsTo) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.eventsTo = Objects.requireNonNull(eventsTo, "eventsTo");
  }

  /**
   * {@code {"builds", "runningBuilds", "compactBuilds", "maxBuilds", "evictedBuilds", "buildBatches",
   * "runningBuildBatches", "maxBuildBatches", "evictedBuildBatches", "projects", "maxProjects", "uptimeSeconds"}}: the
   * builds held now, how many of them run, how many complete ones are held compact, the most held, how many complete
   * builds were evicted to make room since the start; the same four for batch builds; the projects held, the most
   * held, and the whole seconds since the server started; {@code "droppedEvents"} and {@code
   * "eventListenerFailures"}, the backend's build events dropped because its listeners fell behind and its
   * listeners' failures; with {@code --events-to}, {@code "eventsTo": {"url", "delivered", "retried", "failed",
   * "dropped", "lastFailure"}}.
   */
  public Reply reply() {
    ObjectNode status = Json.object();
    status.put("builds", backend.buildCount());
    status.put("runningBuilds", backend.runningBuilds().size());
    status.put("compactBuilds", backend.compactBuilds());
    status.put("maxBuilds", backend.maxBuilds());
    status.put("evictedBuilds", backend.evictedBuilds());
    status.put("buildBatches", backend.buildBatchCount());
    status.put("runningBuildBatches", backend.runningBuildBatches().size());
    status.put("maxBuildBatches", backend.maxBuildBatches());
    status.put("evictedBuildBatches", backend.evictedBuildBatches());
    status.put("projects", backend.projectCount());
    status.put("maxProjects", backend.maxProjects());
    status.put("droppedEvents", backend.droppedEvents());
    status.put("eventListenerFailures", backend.eventListenerFailures());
    eventsTo.ifPresent(poster -> {
      ObjectNode sent = status.putObject("eventsTo");
      sent.put("url", poster.target().toString());
      sent.put("delivered", poster.delivered());
      sent.put("retried", poster.retried());
      sent.put("failed", poster.failed());
      sent.put("dropped", poster.dropped());
      poster.lastFailure().ifPresent(failure -> sent.put("lastFailure", failure));
    });
    status.put("uptimeSeconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos));
    return Reply.of(status);
  }
}
