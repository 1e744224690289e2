package io.buildstop.server.internal;

import io.buildstop.api.EventSink;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.wire.WireCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code buildstop serve --events-to URL}: POSTs each build event the backend emits, as EventBridge delivers it
 * ({@link WireCodec#BUILD_EVENT}, {@code application/json}), to one URL, in the order emitted, one at a time.
 *
 * <p>Events wait in a bounded queue; beyond it they are dropped and counted. A POST answered other than 2xx, or
 * failing to connect, is retried after a backoff that doubles from {@link #FIRST_BACKOFF} for {@link #ATTEMPTS}
 * attempts in all; then the event is given up and counted as failed. The counts are the status path's ({@link
 * ServerStatus}). One daemon thread sends; {@link #close()} stops it, dropping what still waits.
 */
public final class EventPoster implements EventSink, AutoCloseable {
  /** How many events wait for sending unless told otherwise. */
  public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
  /** How many times one event is POSTed before it is given up. */
  public static final int ATTEMPTS = 5;
  /** The wait before the first retry; each next one waits twice as long. */
  public static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI target;
  private final ArrayBlockingQueue<BuildEvent> queue;
  private final HttpClient client;
  private final Thread sender;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private volatile boolean closed;

  /** Starts sending to {@code target}, at most {@code capacity} events waiting. */
  public EventPoster(URI target, int capacity) {
    this.target = target;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    this.sender = new Thread(this::send, "buildstop-events-to");
    sender.setDaemon(true);
    sender.start();
  }

  /** Where the events go. */
  public URI target() {
    return target;
  }

  @Override
  public void accept(BuildEvent event) {
    if (closed || !queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  /** Events the URL answered 2xx to. */
  public long delivered() {
    return delivered.get();
  }

  /** Events dropped because {@code capacity} events were waiting already (or the poster was closed). */
  public long dropped() {
    return dropped.get();
  }

  /** Events given up after {@link #ATTEMPTS} failed POSTs. */
  public long failed() {
    return failed.get();
  }

  /** POSTs that failed and were tried again. */
  public long retried() {
    return retried.get();
  }

  /** Why the last failed POST failed ({@code "HTTP 503"}, or the connection's error), if one failed. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** Stops sending; the event being sent is cut off, those waiting are dropped. Idempotent. */
  @Override
  public void close() {
    closed = true;
    sender.interrupt();
  }

  private void send() {
    while (!closed) {
      BuildEvent event;
      try {
        event = queue.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        return;
      }
      if (event != null && !post(event)) {
        return;
      }
    }
  }

  // false when interrupted: the poster is closing
  private boolean post(BuildEvent event) {
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", Dispatcher.PLAIN_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(WireCodec.BUILD_EVENT.encodeToString(event)))
        .build();
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          delivered.incrementAndGet();
          return true;
        }
        lastFailure.set("HTTP " + status);
      } catch (IOException unreachable) {
        // an unreachable receiver is retried like one that answers an error; the status path tells of it
        lastFailure.set(unreachable.toString());
      } catch (InterruptedException interrupted) {
        return false;
      }
      if (attempt == ATTEMPTS) {
        break;
      }
      retried.incrementAndGet();
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException interrupted) {
        return false;
      }
      backoff = backoff.multipliedBy(2);
    }
    failed.incrementAndGet();
    return true;
  }
}
