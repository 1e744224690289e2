package io.buildstop.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.memory.InMemoryCodeBuild;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page's safety rules at the {@link Dispatcher}, with any peer and any Host a test needs (a machine may have no
 * second interface): loopback peers alone unless opened to the network, loopback Hosts alone unless opened, and
 * stops only as the page itself sends them.
 */
@DisplayName("the page's guard, at the dispatcher")
class PageGuardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final InetSocketAddress REACHED = new InetSocketAddress("127.0.0.1", 4566);
  private static final InetSocketAddress LOOPBACK_PEER = new InetSocketAddress("127.0.0.1", 50_000);
  private static final InetSocketAddress NETWORK_PEER = new InetSocketAddress("10.0.0.7", 50_000);

  private final InMemoryCodeBuild backend = InMemoryCodeBuild.create();

  @Nested
  @DisplayName("rule 1: loopback peers alone")
  class Peers {
    @Test
    void aPeerOnTheNetworkIsRefusedAndToldHowToOpenThePage() throws IOException {
      Answer answer = answer(dispatcher(false, false, false), get("/_buildstop/ui/builds", NETWORK_PEER, "10.0.0.1"));

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("__type").asText()).isEqualTo("AccessDeniedException");
      assertThat(answer.json().get("message").asText()).contains("--page-on-network", "10.0.0.7");
    }

    @Test
    void everyPathOfThePageIsRefusedToAPeerOnTheNetworkItsFilesAndStopsToo() throws IOException {
      Dispatcher dispatcher = dispatcher(false, false, false);
      for (String path : List.of("/_buildstop/ui", "/_buildstop/ui/", "/_buildstop/ui/page.js",
          "/_buildstop/ui/settings", "/_buildstop/ui/nothing")) {
        assertThat(answer(dispatcher, get(path, NETWORK_PEER, "127.0.0.1:4566")).status()).as(path).isEqualTo(403);
      }
      String id = running();
      Answer stop = answer(dispatcher, pageStop(id, NETWORK_PEER, "127.0.0.1:4566"));
      assertThat(stop.status()).isEqualTo(403);
      assertThat(backend.runningBuilds()).hasSize(1);
    }

    @Test
    void openedToTheNetworkThePageAnswersAnyPeerAndAnyHost() throws IOException {
      Dispatcher dispatcher = dispatcher(true, false, false);

      assertThat(answer(dispatcher, get("/_buildstop/ui/builds", NETWORK_PEER, "buildstop.example:4566")).status())
          .isEqualTo(200);
      String id = running();
      assertThat(answer(dispatcher, pageStop(id, NETWORK_PEER, "buildstop.example:4566")).status()).isEqualTo(200);
    }

    @Test
    void codeBuildsOwnProtocolIsNotTheGuardsConcern() throws IOException {
      // POST / from the network is answered as ever (signatures guard it, when configured)
      HttpCall listBuilds = new HttpCall("POST", "/", null, headers(Map.of("Host", "10.0.0.1:4566",
          "X-Amz-Target", "CodeBuild_20161006.ListBuilds", "Content-Type", "application/x-amz-json-1.1")),
          () -> "{}".getBytes(StandardCharsets.UTF_8), REACHED, NETWORK_PEER);

      assertThat(answer(dispatcher(false, false, false), listBuilds).status()).isEqualTo(200);
    }
  }

  @Nested
  @DisplayName("rule 2: a loopback Host alone, against DNS rebinding")
  class Hosts {
    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:4566", "localhost", "LocalHost:4566", "[::1]", "[::1]:4566",
        "127.0.0.2:80", "codebuild:4566"})
    void aLoopbackHostOrAConfiguredNameIsAnswered(String host) throws IOException {
      assertThat(answer(dispatcher(false, false, false), get("/_buildstop/ui/settings", LOOPBACK_PEER, host))
          .status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "evil.example:4566", "10.0.0.1:4566", "localhost.evil.example",
        "127.0.0.1.nip.io:4566", "[::2]:4566", "[::1", "127.0.0.1:port", "999.0.0.1", "codebuild.evil:4566", ""})
    void anyOtherHostIsRefused(String host) throws IOException {
      Answer answer = answer(dispatcher(false, false, false), get("/_buildstop/ui/builds", LOOPBACK_PEER, host));

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("__type").asText()).isEqualTo("AccessDeniedException");
    }

    @Test
    void aRequestWithoutHostIsRefused() throws IOException {
      HttpCall call = new HttpCall("GET", "/_buildstop/ui/builds", null, headers(Map.of()), () -> new byte[0],
          REACHED, LOOPBACK_PEER);

      assertThat(answer(dispatcher(false, false, false), call).status()).isEqualTo(403);
    }
  }

  @Nested
  @DisplayName("rule 3: stops as the page sends them")
  class Stops {
    @Test
    void aStopWithoutThePagesHeaderIsRefusedAndChangesNothing() throws IOException {
      String id = running();
      HttpCall call = new HttpCall("POST", "/_buildstop/ui/stop-build", null,
          headers(Map.of("Host", "127.0.0.1:4566", "Content-Type", "application/json")), body(id), REACHED,
          LOOPBACK_PEER);

      Answer answer = answer(dispatcher(false, false, false), call);

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("message").asText()).contains("X-Buildstop-Page");
      assertThat(backend.runningBuilds()).hasSize(1);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"})
    void aStopOfAnotherContentTypeIsRefused(String contentType) throws IOException {
      String id = running();
      HttpCall call = new HttpCall("POST", "/_buildstop/ui/stop-build", null, headers(Map.of("Host",
          "127.0.0.1:4566", "Content-Type", contentType, "X-Buildstop-Page", "1")), body(id), REACHED, LOOPBACK_PEER);

      assertThat(answer(dispatcher(false, false, false), call).status()).isEqualTo(403);
      assertThat(backend.runningBuilds()).hasSize(1);
    }

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"http://evil.example", "https://127.0.0.1:4566", "http://127.0.0.1:4567", "null"})
    void aStopFromAnotherOriginIsRefused(String origin) throws IOException {
      String id = running();
      HttpCall call = new HttpCall("POST", "/_buildstop/ui/stop-build", null, headers(Map.of("Host",
          "127.0.0.1:4566", "Content-Type", "application/json", "X-Buildstop-Page", "1", "Origin", origin)), body(id),
          REACHED, LOOPBACK_PEER);

      Answer answer = answer(dispatcher(false, false, false), call);

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("message").asText()).contains("Origin");
      assertThat(backend.runningBuilds()).hasSize(1);
    }

    @Test
    void aStopFromThePagesOwnOriginIsAnswered() throws IOException {
      String id = running();
      HttpCall call = new HttpCall("POST", "/_buildstop/ui/stop-build", null, headers(Map.of("Host",
          "127.0.0.1:4566", "Content-Type", "application/json; charset=utf-8", "X-Buildstop-Page", "1", "Origin",
          "http://127.0.0.1:4566")), body(id), REACHED, LOOPBACK_PEER);

      Answer answer = answer(dispatcher(false, false, false), call);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().at("/build/buildStatus").asText()).isEqualTo("STOPPED");
    }
  }

  @Nested
  @DisplayName("rule 4: with signatures on, no unsigned stop unless allowed")
  class Signatures {
    @Test
    void withSignaturesOnTheStopIsRefusedAndNamesTheOptIn() throws IOException {
      String id = running();

      Answer answer = answer(dispatcher(false, true, false), pageStop(id, LOOPBACK_PEER, "127.0.0.1:4566"));

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("__type").asText()).isEqualTo("AccessDeniedException");
      assertThat(answer.json().get("message").asText()).contains("SigV4", "--page-stop-unsigned");
      assertThat(backend.runningBuilds()).hasSize(1);
    }

    @Test
    void allowedTheStopIsAnswered() throws IOException {
      String id = running();

      Answer answer = answer(dispatcher(false, true, true), pageStop(id, LOOPBACK_PEER, "127.0.0.1:4566"));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(backend.runningBuilds()).isEmpty();
    }
  }

  private String running() {
    return backend.startBuildInPhase("guarded", BuildPhaseType.BUILD).get().id().orElseThrow();
  }

  private Dispatcher dispatcher(boolean onNetwork, boolean signed, boolean stopsUnsigned) {
    Map<String, Operation> operations = CodeBuildApi.operations(backend, new Arns("us-east-1", "123456789012"),
        Clock.systemUTC());
    ServerEvents events = new ServerEvents(backend, 100);
    PagePaths page = new PagePaths(backend, operations, new PageGuard(onNetwork, signed, stopsUnsigned,
        Set.of("codebuild")), events, Clock.systemUTC(), Optional.empty());
    return new Dispatcher(operations, 1 << 20, Integer.MAX_VALUE, Optional.empty(), Optional.empty(),
        Optional.of(events), Optional.of(page));
  }

  private static HttpCall get(String path, InetSocketAddress peer, String host) {
    return new HttpCall("GET", path, null, headers(Map.of("Host", host)), () -> new byte[0], REACHED, peer);
  }

  private static HttpCall pageStop(String id, InetSocketAddress peer, String host) {
    return new HttpCall("POST", "/_buildstop/ui/stop-build", null, headers(Map.of("Host", host, "Content-Type",
        "application/json", "X-Buildstop-Page", "1")), body(id), REACHED, peer);
  }

  private static HttpCall.Body body(String id) {
    return () -> ("{\"id\": \"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  // headers by any case of their name, as HTTP reads them
  private static java.util.function.Function<String, List<String>> headers(Map<String, String> sent) {
    return name -> sent.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue).toList();
  }

  private record Answer(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private static Answer answer(Dispatcher dispatcher, HttpCall call) throws IOException {
    HttpAnswer answer = dispatcher.answer(call);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    answer.body().writeTo(body);
    return new Answer(answer.status(), body.toString(StandardCharsets.UTF_8));
  }
}
