package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.server.RawHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The page's stops ({@code POST /_buildstop/ui/stop-build}, {@code stop-build-batch}) go through the endpoint's own
 * StopBuild and StopBuildBatch: the same build, the same errors, the same events, exactly once.
 */
@DisplayName("the page's stops")
class PageStopTest {
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private final CodeBuildServer server = CodeBuildServer.builder().onOperation(operations::add).start();

  @AfterEach
  void close() {
    server.close();
  }

  @Nested
  @DisplayName("StopBuild")
  class StopBuild {
    @Test
    void aStopThroughThePageLeavesTheBuildAsStopBuildDoesWithOneStoppedEvent() {
      String id = running();

      Reply reply = PageHttp.post(server, "stop-build", "{\"id\": \"" + id + "\"}");

      assertThat(reply.status()).isEqualTo(200);
      JsonNode build = reply.json().get("build");
      assertThat(build.get("buildStatus").asText()).isEqualTo("STOPPED");
      assertThat(build.get("currentPhase").asText()).isEqualTo("COMPLETED");
      assertThat(build.get("buildComplete").asBoolean()).isTrue();
      // the answer is the build as the endpoint holds it, as BatchGetBuilds reads it
      JsonNode read = RawHttp.call(server.endpoint(), "BatchGetBuilds", "{\"ids\": [\"" + id + "\"]}").json()
          .at("/builds/0");
      assertThat(build.get("buildStatus").asText()).isEqualTo(read.get("buildStatus").asText());
      assertThat(build.get("currentPhase").asText()).isEqualTo(read.get("currentPhase").asText());
      assertThat(build.get("phases")).hasSameSizeAs(read.get("phases"));
      assertThat(operations).contains("StopBuild");
      assertThat(stoppedEvents(id)).hasSize(1);
    }

    @Test
    void aSecondStopIsANoOpThatAnswersTheStoppedBuildAndEmitsNothing() {
      String id = running();
      PageHttp.post(server, "stop-build", "{\"id\": \"" + id + "\"}");
      server.backend().awaitEventDelivery(Duration.ofSeconds(5));
      int events = server.recentEvents().size();
      Build stopped = server.backend().build(BuildId.parse(id).get()).orElseThrow();

      Reply again = PageHttp.post(server, "stop-build", "{\"id\": \"" + id + "\"}");

      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json().at("/build/buildStatus").asText()).isEqualTo("STOPPED");
      server.backend().awaitEventDelivery(Duration.ofSeconds(5));
      assertThat(server.recentEvents()).hasSize(events);
      assertThat(server.backend().build(BuildId.parse(id).get())).contains(stopped);
      assertThat(stoppedEvents(id)).hasSize(1);
    }

    @Test
    void anInvalidIdIsStopBuildsTypedErrorAndChangesNothing() {
      String id = running();
      server.backend().awaitEventDelivery(Duration.ofSeconds(5));
      int events = server.recentEvents().size();

      Reply malformed = PageHttp.post(server, "stop-build", "{\"id\": \"no-colon\"}");
      Reply missing = PageHttp.post(server, "stop-build", "{}");
      Reply notJson = PageHttp.post(server, "stop-build", "{\"id\": ");

      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.type()).isEqualTo("InvalidInputException");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.type()).isEqualTo("InvalidInputException");
      assertThat(notJson.status()).isEqualTo(400);
      assertThat(notJson.type()).isEqualTo("SerializationException");
      assertThat(server.backend().runningBuilds()).extracting(build -> build.id().orElseThrow()).containsExactly(id);
      server.backend().awaitEventDelivery(Duration.ofSeconds(5));
      assertThat(server.recentEvents()).hasSize(events);
    }

    @Test
    void anUnknownBuildIsResourceNotFoundAsStopBuildAnswersIt() {
      Reply reply = PageHttp.post(server, "stop-build",
          "{\"id\": \"page-project:00000000-0000-0000-0000-000000000000\"}");
      Reply direct = RawHttp.call(server.endpoint(), "StopBuild",
          "{\"id\": \"page-project:00000000-0000-0000-0000-000000000000\"}");

      assertThat(reply.status()).isEqualTo(direct.status()).isEqualTo(400);
      assertThat(reply.type()).isEqualTo(direct.type()).isEqualTo("ResourceNotFoundException");
      assertThat(reply.message()).isEqualTo(direct.message());
    }
  }

  @Nested
  @DisplayName("StopBuildBatch")
  class StopBuildBatch {
    @Test
    void aBatchStoppedThroughThePageIsStoppedWithItsMembers() {
      String graph = "version: 0.2\nbatch:\n  build-graph:\n    - identifier: first\n"
          + "    - identifier: second\n      depend-on: [first]\n";
      String id = server.backend().startBuildBatch("page-batches", graph).get().id().orElseThrow();
      JsonNode listed = PageHttp.get(server, "batches").json();
      assertThat(listed.at("/buildBatches/0/id").asText()).isEqualTo(id);
      assertThat(listed.at("/buildBatches/0/buildBatchStatus").asText()).isEqualTo("IN_PROGRESS");
      assertThat(listed.at("/buildBatches/0/builds/0/identifier").asText()).isEqualTo("first");

      Reply reply = PageHttp.post(server, "stop-build-batch", "{\"id\": \"" + id + "\"}");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().at("/buildBatch/buildBatchStatus").asText()).isEqualTo("STOPPED");
      assertThat(reply.json().at("/buildBatch/complete").asBoolean()).isTrue();
      assertThat(operations).contains("StopBuildBatch");
      assertThat(server.backend().runningBuildBatches()).isEmpty();
    }

    @Test
    void anUnknownBatchIsStopBuildBatchsTypedError() {
      String unknown = "{\"id\": \"page-batches:00000000-0000-0000-0000-000000000000\"}";

      Reply reply = PageHttp.post(server, "stop-build-batch", unknown);
      Reply direct = RawHttp.call(server.endpoint(), "StopBuildBatch", unknown);

      assertThat(reply.status()).isEqualTo(direct.status());
      assertThat(reply.type()).isEqualTo(direct.type());
      assertThat(reply.message()).isEqualTo(direct.message());
    }
  }

  private String running() {
    return server.backend().startBuildInPhase("page-project", BuildPhaseType.BUILD).get().id().orElseThrow();
  }

  private List<BuildEvent> stoppedEvents(String id) {
    server.backend().awaitEventDelivery(Duration.ofSeconds(5));
    return server.recentEvents().stream().filter(BuildStateChange.class::isInstance)
        .filter(event -> ((BuildStateChange) event).detail().buildStatusAsString().orElse("").equals("STOPPED"))
        .filter(event -> ((BuildStateChange) event).detail().buildId().orElse("").endsWith(id)).toList();
  }
}
