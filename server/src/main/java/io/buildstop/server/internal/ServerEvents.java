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

  /**
   * The events held numbered above {@code after}, the newest {@code most} of them, oldest first, and the number of
   * the newest: events are numbered from 1 in the order received, since the start or the last reset. The page asks
   * after the last it has, so it reads each event once; an {@code after} above the newest's number (the server was
   * reset since) answers the newest {@code most} held.
   */
  public Numbered after(long after, int most) {
    List<BuildEvent> held;
    long last;
    // the recorder's methods hold its monitor: taken here, the events and their count are read at one instant
    synchronized (recent) {
      held = recent.events();
      last = recent.received();
    }
    long firstHeld = last - held.size() + 1;
    long from = Math.max(firstHeld, last - most + 1);
    if (after <= last) {
      from = Math.max(from, after + 1);
    }
    return new Numbered(held.subList((int) (from - firstHeld), held.size()), last);
  }

  /** Events held, oldest first, and the number of the newest event received ({@code 0} before any). */
  public record Numbered(List<BuildEvent> events, long last) {}

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
