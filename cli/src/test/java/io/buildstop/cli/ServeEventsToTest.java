package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.wire.WireCodec;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, "Checked by": a stop through the endpoint delivers exactly one phase change and one state change
 * (STOPPED) to an {@code --events-to} receiver, and a second stop delivers none. The receiver is the JDK's HTTP
 * server on the loopback.
 */
@DisplayName("buildstop serve --events-to")
class ServeEventsToTest {
  private final List<BuildEvent> received = new ArrayList<>();

  private synchronized List<BuildEvent> await(Predicate<BuildEvent> matching, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (matching(matching).size() < count && System.nanoTime() < deadline) {
      wait(100);
    }
    return matching(matching);
  }

  private synchronized List<BuildEvent> matching(Predicate<BuildEvent> matching) {
    return received.stream().filter(matching).collect(Collectors.toList());
  }

  private static Predicate<BuildEvent> ofBuild(String id) {
    return event -> event.resources().get(0).endsWith(":build/" + id);
  }

  @Test
  void aStopDeliversOnePhaseChangeAndOneStoppedStateChangeAndASecondStopNone() throws Exception {
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/events", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        BuildEvent event = WireCodec.BUILD_EVENT.decode(new String(body.readAllBytes(), StandardCharsets.UTF_8))
            .getOrElseThrow(error -> new AssertionError("not an event: " + error));
        synchronized (this) {
          received.add(event);
          notifyAll();
        }
        exchange.sendResponseHeaders(204, -1);
      } finally {
        exchange.close();
      }
    });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events";
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds", "--events-to", url)) {
      String endpoint = serve.endpoint();

      Cli.Result first = Cli.run("stop", "--endpoint-url", endpoint, "--id", DemoBuilds.RUNNING_IN_BUILD);
      List<BuildEvent> afterTheFirst = await(ofBuild(DemoBuilds.RUNNING_IN_BUILD), 2);
      Cli.Result second = Cli.run("stop", "--endpoint-url", endpoint, "--id", DemoBuilds.RUNNING_IN_BUILD);
      // events go out in the order emitted: once a stop after the second is heard of, anything the second emitted
      // would have been too
      Cli.Result marker = Cli.run("stop", "--endpoint-url", endpoint, "--id", DemoBuilds.OTHER_PROJECT_RUNNING);
      await(ofBuild(DemoBuilds.OTHER_PROJECT_RUNNING), 2);

      assertThat(first.exitCode()).as(first.toString()).isZero();
      assertThat(second.exitCode()).as(second.toString()).isZero();
      assertThat(marker.exitCode()).as(marker.toString()).isZero();
      assertThat(afterTheFirst).hasSize(2);
      assertThat(matching(ofBuild(DemoBuilds.RUNNING_IN_BUILD))).isEqualTo(afterTheFirst);
      assertThat(afterTheFirst.get(0)).isInstanceOfSatisfying(BuildPhaseChange.class, phase -> {
        assertThat(phase.detail().completedPhaseAsString()).contains("BUILD");
        assertThat(phase.detail().completedPhaseStatusAsString()).contains("STOPPED");
      });
      assertThat(afterTheFirst.get(1)).isInstanceOfSatisfying(BuildStateChange.class, state ->
          assertThat(state.detail().buildStatusAsString()).contains("STOPPED"));
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    Cli.Result result = Cli.run("serve", "--events-to", "file:///tmp/events");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("eventsTo must be an absolute http or https URL");
  }
}
