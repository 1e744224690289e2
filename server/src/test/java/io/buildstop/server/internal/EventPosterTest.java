package io.buildstop.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildEvents;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** {@code --events-to}'s sender: bounded, retrying, counting; over real HTTP on the loopback. */
class EventPosterTest {

  private static List<BuildEvent> events() {
    Build started = InMemoryCodeBuild.create().startBuild("posted").get();
    return BuildEvents.of(Build.builder().build(), started, Instant.now());
  }

  private static long await(LongSupplier count, long atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (count.getAsLong() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return count.getAsLong();
  }

  @Test
  void whileTheUrlIsSlowWhatDoesNotFitTheQueueIsDroppedAndCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slow.createContext("/", exchange -> {
      try {
        exchange.getRequestBody().readAllBytes();
        release.await();
        exchange.sendResponseHeaders(204, -1);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    });
    slow.start();
    try (EventPoster poster = new EventPoster(URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/"),
        1)) {
      BuildEvent event = events().get(0);
      for (int i = 0; i < 5; i++) {
        poster.accept(event);
      }

      // one event in the POST the URL holds, or still queued, one queued: the rest dropped
      assertThat(poster.dropped()).isBetween(3L, 4L);
      release.countDown();
      assertThat(await(poster::delivered, 5 - poster.dropped())).isEqualTo(5 - poster.dropped());
      assertThat(poster.failed()).isZero();
    } finally {
      release.countDown();
      slow.stop(0);
    }
  }

  @Test
  void anUnreachableUrlIsRetriedWithBackoffThenTheEventIsGivenUpAndCounted() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (EventPoster poster = new EventPoster(URI.create("http://127.0.0.1:" + closedPort + "/events"), 10)) {
      poster.accept(events().get(0));

      assertThat(await(poster::failed, 1)).isEqualTo(1);
      assertThat(poster.retried()).isEqualTo(EventPoster.ATTEMPTS - 1);
      assertThat(poster.delivered()).isZero();
      assertThat(poster.lastFailure()).hasValueSatisfying(failure -> assertThat(failure).contains("Connect"));
    }
  }

  @Test
  void aClosedPosterDropsWhatItIsGiven() throws IOException {
    EventPoster poster = new EventPoster(URI.create("http://127.0.0.1:9/events"), 10);
    poster.close();

    poster.accept(events().get(0));

    assertThat(poster.dropped()).isEqualTo(1);
  }
}
