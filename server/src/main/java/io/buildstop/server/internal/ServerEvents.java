package io.buildstop.server.internal;

import io.buildstop.api.EventSink;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.memory.BuildEventRecorder;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.WireCodec;
import java.util.List;

/**
 * The endpoint's local events path, {@value #PATH}: not CodeBuild's, buildstop's own, for a test in another process
 * to read the build events the backend emitted (docs/build-events.md, "Emission"), the newest {@code capacity} of
 * them, oldest first, each as EventBridge delivers it ({@link WireCodec#BUILD_EVENT}).
 */
public final class ServerEvents {
  /** Where the recent events are answered, to {@code GET} only. */
  public static final String PATH = "/_buildstop/events";

  private final BuildEventRecorder recent;

  /** Listens to {@code backend}'s events from now on, keeping the newest {@code capacity}. */
  public ServerEvents(InMemoryCodeBuild backend, int capacity) {
    this.recent = BuildEventRecorder.withCapacity(capacity);
    backend.addEventListener(recent);
  }

  /** What listens to the backend for this path: to remove when the server closes. */
  public EventSink listener() {
    return recent;
  }

  /** The events held, oldest first. */
  public List<BuildEvent> events() {
    return recent.events();
  }

  /** Forgets the events held: the server's reset. */
  public void clear() {
    recent.clear();
  }

  /** A JSON array of the events held, oldest first, each as {@link WireCodec#BUILD_EVENT} writes it. */
  public Reply reply() {
    List<BuildEvent> events = recent.events();
    return out -> {
      out.writeStartArray();
      for (BuildEvent event : events) {
        WireCodec.BUILD_EVENT.write(event, out);
      }
      out.writeEndArray();
    };
  }
}
