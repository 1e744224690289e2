package io.buildstop.workflows.internal;

import io.buildstop.api.EventSink;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.model.StatusType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Waits for one build's final "CodeBuild Build State Change": the one whose {@code build-status} is no longer
 * IN_PROGRESS, for the build its {@code build-id} (an ARN) names. Every other event is ignored. Thread-safe: the
 * backend hands events over on its own thread.
 */
public final class FinalStateChange implements EventSink {
  private final BuildId id;
  private final CompletableFuture<Void> arrived = new CompletableFuture<>();

  /** A watch for the build {@code id}. */
  public FinalStateChange(BuildId id) {
    this.id = id;
  }

  @Override
  public void accept(BuildEvent event) {
    if (event instanceof BuildStateChange change && isFinalFor(change)) {
      arrived.complete(null);
    }
  }

  /** Done once the build's final state change has arrived. */
  public Future<?> arrived() {
    return arrived;
  }

  private boolean isFinalFor(BuildStateChange change) {
    // an id or ARN parses to the same BuildId, so the ARN in the event matches however the caller named the build
    boolean thisBuild = change.detail().buildId()
        .map(buildId -> BuildId.parse(buildId).map(id::equals).getOrElse(false))
        .orElse(false);
    return thisBuild && change.detail().buildStatus().filter(status -> status != StatusType.IN_PROGRESS).isPresent();
  }
}
