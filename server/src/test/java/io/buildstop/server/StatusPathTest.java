package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.server.RawHttp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /_buildstop/status}: the local status path (issue 17.1), over real HTTP. It tells how full the bounded
 * stores are, needs no signature, shows no secret, answers GET alone, and is no CodeBuild operation.
 */
@DisplayName("the local status path")
class StatusPathTest {
  private static final String PATH = "/_buildstop/status";

  @Test
  void aFreshServerShowsItsEmptyStoresAndTheirBounds() {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      Reply reply = get(server.endpoint());

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
      assertThat(reply.header("x-amzn-RequestId")).isNotBlank();
      JsonNode status = reply.json();
      assertThat(fieldNames(status)).containsExactly("builds", "runningBuilds", "compactBuilds", "maxBuilds",
          "evictedBuilds", "buildBatches", "runningBuildBatches", "maxBuildBatches", "evictedBuildBatches", "projects",
          "maxProjects", "droppedEvents", "eventListenerFailures", "uptimeSeconds");
      assertThat(status.get("builds").asLong()).isZero();
      assertThat(status.get("runningBuilds").asLong()).isZero();
      assertThat(status.get("compactBuilds").asLong()).isZero();
      assertThat(status.get("maxBuilds").asLong()).isEqualTo(100_000);
      assertThat(status.get("evictedBuilds").asLong()).isZero();
      assertThat(status.get("buildBatches").asLong()).isZero();
      assertThat(status.get("runningBuildBatches").asLong()).isZero();
      assertThat(status.get("maxBuildBatches").asLong()).isEqualTo(10_000);
      assertThat(status.get("evictedBuildBatches").asLong()).isZero();
      assertThat(status.get("projects").asLong()).isZero();
      assertThat(status.get("maxProjects").asLong()).isEqualTo(CodeBuildServer.Builder.DEFAULT_MAX_PROJECTS)
          .isEqualTo(5_000);
      assertThat(status.get("uptimeSeconds").isIntegralNumber()).isTrue();
      assertThat(status.get("uptimeSeconds").asLong()).isBetween(0L, 60L);
    }
  }

  @Test
  void itCountsTheBuildsHeldRunningAndEvictedAndTheProjects() {
    try (CodeBuildServer server = CodeBuildServer.builder().maxBuilds(3).maxProjects(7).start()) {
      String project = Projects.freshName();
      assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(project)).status()).isEqualTo(200);
      for (int i = 0; i < 3; i++) {
        String id = server.backend().startBuild(project).get().id().orElseThrow();
        server.backend().complete(id, StatusType.SUCCEEDED).get();
      }
      // two more builds, both running, evict the two oldest complete ones
      String start = json("{'projectName': '" + project + "'}");
      assertThat(call(server.endpoint(), "StartBuild", start).status()).isEqualTo(200);
      assertThat(call(server.endpoint(), "StartBuild", start).status()).isEqualTo(200);

      JsonNode status = get(server.endpoint()).json();

      assertThat(status.get("builds").asLong()).isEqualTo(3);
      assertThat(status.get("runningBuilds").asLong()).isEqualTo(2);
      assertThat(status.get("maxBuilds").asLong()).isEqualTo(3);
      assertThat(status.get("evictedBuilds").asLong()).isEqualTo(2);
      assertThat(status.get("projects").asLong()).isEqualTo(1);
      assertThat(status.get("maxProjects").asLong()).isEqualTo(7);
    }
  }

  @Test
  void aBackendPassedToTheBuilderShowsItsOwnBound() {
    var backend = io.buildstop.memory.InMemoryCodeBuild.builder().maxBuilds(42).build();
    backend.startBuildInPhase("status-of-a-backend", BuildPhaseType.BUILD).get();
    try (CodeBuildServer server = CodeBuildServer.builder().backend(backend).start()) {
      JsonNode status = get(server.endpoint()).json();

      assertThat(status.get("maxBuilds").asLong()).isEqualTo(42);
      assertThat(status.get("builds").asLong()).isEqualTo(1);
      assertThat(status.get("runningBuilds").asLong()).isEqualTo(1);
    }
  }

  @Test
  void itNeedsNoSignatureAndShowsNoKeyWhenSignaturesAreChecked() {
    try (CodeBuildServer server = CodeBuildServer.builder().credentials("AKIDSTATUSKEY", "status-s3cr3t-value")
        .start()) {
      Reply status = get(server.endpoint());
      Reply unsignedCall = call(server.endpoint(), "ListBuilds", "{}");

      assertThat(status.status()).isEqualTo(200);
      assertThat(status.body()).doesNotContain("AKIDSTATUSKEY", "status-s3cr3t-value", "s3cr3t");
      assertThat(status.headers().map().toString()).doesNotContain("AKIDSTATUSKEY", "s3cr3t");
      // CodeBuild's own path still refuses what is not signed
      assertThat(unsignedCall.status()).isEqualTo(400);
      assertThat(unsignedCall.type()).isEqualTo("MissingAuthenticationTokenException");
    }
  }

  @Test
  void everyMethodButGetIsRefusedWith405AndAllowGet() {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
        Reply reply = RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve(PATH))
            .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(reply.status()).as(method).isEqualTo(405);
        assertThat(reply.header("Allow")).as(method).isEqualTo("GET");
        if (!method.equals("HEAD")) {
          assertThat(reply.type()).as(method).isEqualTo("UnknownOperationException");
          assertThat(reply.message()).as(method).contains(PATH + " answers GET only");
        }
      }
      // CodeBuild's path keeps its own rule
      Reply getRoot = RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
          .timeout(Duration.ofSeconds(10)).GET().build());
      assertThat(getRoot.status()).isEqualTo(405);
      assertThat(getRoot.header("Allow")).isEqualTo("POST");
    }
  }

  @Test
  void itIsNoCodeBuildOperationAndChangesNothing() {
    List<String> operations = new CopyOnWriteArrayList<>();
    try (CodeBuildServer server = CodeBuildServer.builder().onOperation(operations::add).start()) {
      String id = server.backend().startBuildInPhase("status-changes-nothing", BuildPhaseType.BUILD).get().id()
          .orElseThrow();
      var before = server.backend().builds();

      for (int i = 0; i < 3; i++) {
        assertThat(get(server.endpoint()).status()).isEqualTo(200);
      }

      assertThat(operations).isEmpty();
      assertThat(server.backend().builds()).isEqualTo(before);
      assertThat(server.backend().build(BuildId.parse(id).get()).orElseThrow().buildStatus())
          .contains(StatusType.IN_PROGRESS);
    }
  }

  private static Reply get(URI endpoint) {
    return RawHttp.send(HttpRequest.newBuilder(endpoint.resolve(PATH)).timeout(Duration.ofSeconds(10)).GET()
        .build());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
