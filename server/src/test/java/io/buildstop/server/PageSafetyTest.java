package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.server.RawHttp.Reply;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The page is safe by default, over real HTTP: it answers this machine alone (the loopback interface and a loopback
 * Host), its stops only as the page sends them, and with SigV4 verification on, no stop unless allowed. The
 * dispatcher-level test, {@code internal.PageGuardTest}, covers peers a machine without a second interface cannot
 * produce.
 */
@DisplayName("the page, safe by default")
class PageSafetyTest {

  @Nested
  @DisplayName("this machine alone")
  class ThisMachine {
    @Test
    void aRequestThatReachedANetworkInterfaceIsRefused() {
      InetAddress address = networkAddress().orElse(null);
      assumeTrue(address != null, "this machine has no non-loopback IPv4 address to reach the server by");
      try (CodeBuildServer server = CodeBuildServer.builder().host("0.0.0.0").start()) {
        Reply reply = RawHttp.send(HttpRequest.newBuilder(URI.create("http://" + address.getHostAddress() + ":"
            + server.port() + "/_buildstop/ui/builds")).timeout(Duration.ofSeconds(10)).GET().build());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.type()).isEqualTo("AccessDeniedException");
        assertThat(reply.message()).contains("--page-on-network");
      }
    }

    @Test
    void openedToTheNetworkItAnswersThere() {
      InetAddress address = networkAddress().orElse(null);
      assumeTrue(address != null, "this machine has no non-loopback IPv4 address to reach the server by");
      try (CodeBuildServer server = CodeBuildServer.builder().host("0.0.0.0").pageOnNetwork(true).start()) {
        Reply reply = RawHttp.send(HttpRequest.newBuilder(URI.create("http://" + address.getHostAddress() + ":"
            + server.port() + "/_buildstop/ui/builds")).timeout(Duration.ofSeconds(10)).GET().build());

        assertThat(reply.status()).isEqualTo(200);
      }
    }

    @Test
    void aForeignHostIsRefusedAsARebindingAttackWouldSendIt() throws IOException {
      try (CodeBuildServer server = CodeBuildServer.builder().start();
          RawSocket socket = new RawSocket(server)) {
        RawSocket.Answer foreign = socket.send("GET /_buildstop/ui/ HTTP/1.1\r\nHost: evil.example:" + server.port()
            + "\r\n\r\n").answer();
        RawSocket.Answer local = socket.send("GET /_buildstop/ui/ HTTP/1.1\r\nHost: localhost:" + server.port()
            + "\r\n\r\n").answer();

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("AccessDeniedException").doesNotContain("<html");
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.body()).contains("<title>buildstop</title>");
      }
    }

    @Test
    void aConfiguredHostNameIsAThisMachineName() throws IOException {
      try (CodeBuildServer server = CodeBuildServer.builder().hostName("codebuild").start();
          RawSocket socket = new RawSocket(server)) {
        RawSocket.Answer named = socket.send("GET /_buildstop/ui/settings HTTP/1.1\r\nHost: codebuild:"
            + server.port() + "\r\n\r\n").answer();

        assertThat(named.status()).isEqualTo(200);
      }
    }
  }

  @Nested
  @DisplayName("stops as the page sends them")
  class Stops {
    @Test
    void aStopWithoutThePagesHeaderIsRefusedAndTheBuildRuns() {
      try (CodeBuildServer server = CodeBuildServer.builder().start()) {
        String id = running(server);
        HttpRequest withoutHeader = HttpRequest.newBuilder(URI.create(server.endpoint() + PageHttp.UI
            + "stop-build")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\"}")).build();

        Reply reply = RawHttp.send(withoutHeader);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.type()).isEqualTo("AccessDeniedException");
        assertThat(server.backend().runningBuilds()).hasSize(1);
      }
    }

    @Test
    void aStopFromAForeignOriginIsRefusedAndTheBuildRuns() {
      try (CodeBuildServer server = CodeBuildServer.builder().start()) {
        String id = running(server);

        Reply reply = RawHttp.send(PageHttp.postRequest(server, "stop-build", "{\"id\": \"" + id + "\"}")
            .header("Origin", "http://evil.example").build());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(server.backend().runningBuilds()).hasSize(1);
      }
    }

    @Test
    void aStopFromThePagesOwnOriginStops() {
      try (CodeBuildServer server = CodeBuildServer.builder().start()) {
        String id = running(server);

        Reply reply = RawHttp.send(PageHttp.postRequest(server, "stop-build", "{\"id\": \"" + id + "\"}")
            .header("Origin", server.endpoint().toString()).build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(server.backend().runningBuilds()).isEmpty();
      }
    }
  }

  @Nested
  @DisplayName("with SigV4 verification on")
  class Signed {
    @Test
    void thePageMayReadButNotStopAndItsSettingsSayWhy() {
      try (CodeBuildServer server = CodeBuildServer.builder().credentials("AKIDPAGE", "page-secret").start()) {
        String id = running(server);

        JsonNode settings = PageHttp.get(server, "settings").json();
        Reply builds = PageHttp.get(server, "builds");
        Reply stop = PageHttp.post(server, "stop-build", "{\"id\": \"" + id + "\"}");

        assertThat(settings.get("stopAllowed").asBoolean()).isFalse();
        assertThat(settings.get("stopRefusedBecause").asText()).contains("--page-stop-unsigned");
        assertThat(builds.status()).isEqualTo(200);
        assertThat(stop.status()).isEqualTo(403);
        assertThat(stop.type()).isEqualTo("AccessDeniedException");
        assertThat(stop.message()).contains("SigV4", "--page-stop-unsigned");
        assertThat(server.backend().runningBuilds()).hasSize(1);
      }
    }

    @Test
    void allowedThePageStops() {
      try (CodeBuildServer server = CodeBuildServer.builder().credentials("AKIDPAGE", "page-secret")
          .pageStopsUnsigned(true).start()) {
        String id = running(server);

        JsonNode settings = PageHttp.get(server, "settings").json();
        Reply stop = PageHttp.post(server, "stop-build", "{\"id\": \"" + id + "\"}");

        assertThat(settings.get("stopAllowed").asBoolean()).isTrue();
        assertThat(settings.has("stopRefusedBecause")).isFalse();
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.json().at("/build/buildStatus").asText()).isEqualTo("STOPPED");
      }
    }

    @Test
    void withoutCredentialsThePageMayStop() {
      try (CodeBuildServer server = CodeBuildServer.builder().start()) {
        assertThat(PageHttp.get(server, "settings").json().get("stopAllowed").asBoolean()).isTrue();
      }
    }
  }

  private static String running(CodeBuildServer server) {
    return server.backend().startBuildInPhase("page-project", BuildPhaseType.BUILD).get().id().orElseThrow();
  }

  // an IPv4 address of this machine's that is not loopback, if it has one that is up
  private static Optional<InetAddress> networkAddress() {
    try {
      for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!network.isUp() || network.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(network.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
            return Optional.of(address);
          }
        }
      }
      return Optional.empty();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }
}
