package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.server.CodeBuildServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A StartBuild flood against a server that holds at most 1,000 builds (issue 17.1): 8 clients start builds as fast
 * as the server answers. With builds completing (lifecycle mode), the oldest complete builds make room and every
 * call is answered 200, and the local status path counts the evictions; with every build running, the calls beyond
 * the bound are refused with {@code AccountLimitExceededException}, and room comes back as soon as a build stops. The
 * store never holds more than its bound, no call gets a 5xx or goes unanswered. The same for a CreateProject flood
 * against at most 100 projects. Counts go to {@code target/reliability/bounded-store.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedStoreUnderFloodTest {
  private static final int MAX_BUILDS = 1_000;
  private static final int MAX_PROJECTS = 100;
  private static final int CLIENTS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Counts counts = new Counts();

  @Test
  void withBuildsCompletingEveryStartBuildIsAnsweredAndTheStoreStaysWithinItsBound() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().maxBuilds(MAX_BUILDS).lifecycle(Duration.ofMillis(2))
        .start()) {
      createProject(server, "flood");
      AtomicInteger largest = new AtomicInteger();
      Map<Integer, Integer> statuses = flood(server, "StartBuild", call -> "{\"projectName\":\"flood\"}",
          Scale.times(6_000), () -> largest.accumulateAndGet(server.backend().buildCount(), Math::max));
      JsonNode shown = status(server);

      count("completing: calls answered 200", statuses.getOrDefault(200, 0));
      count("completing: builds evicted", server.backend().evictedBuilds());
      count("completing: most builds held at once", largest.get());
      assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isIn(200, 400));
      assertThat(largest.get()).isLessThanOrEqualTo(MAX_BUILDS);
      assertThat(server.backend().buildCount()).isLessThanOrEqualTo(MAX_BUILDS);
      assertThat(server.backend().evictedBuilds()).isPositive();
      // visible without the backend's API: the local status path
      assertThat(shown.get("evictedBuilds").asLong()).isEqualTo(server.backend().evictedBuilds());
      assertThat(shown.get("builds").asLong()).isEqualTo(server.backend().buildCount());
      assertThat(shown.get("maxBuilds").asLong()).isEqualTo(MAX_BUILDS);
    }
  }

  @Test
  void withEveryBuildRunningTheCallsBeyondTheBoundAreRefusedAndAStopMakesRoom() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().maxBuilds(MAX_BUILDS).start()) {
      createProject(server, "running");
      int calls = Scale.times(3_000);

      Map<Integer, Integer> statuses = flood(server, "StartBuild", call -> "{\"projectName\":\"running\"}", calls,
          () -> { });

      count("all running: calls answered 200", statuses.getOrDefault(200, 0));
      count("all running: calls refused AccountLimitExceededException", statuses.getOrDefault(400, 0));
      assertThat(statuses).containsOnlyKeys(200, 400).containsEntry(200, MAX_BUILDS)
          .containsEntry(400, calls - MAX_BUILDS);
      assertThat(server.backend().builds()).hasSize(MAX_BUILDS);

      String someBuild = server.backend().builds().get(0).id().orElseThrow();
      assertThat(post(server, "StopBuild", "{\"id\":\"" + someBuild + "\"}").statusCode()).isEqualTo(200);
      HttpResponse<String> after = post(server, "StartBuild", "{\"projectName\":\"running\"}");
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      assertThat(server.backend().evictedBuilds()).isEqualTo(1);
    }
  }

  @Test
  void createProjectBeyondTheBoundIsRefusedAndNothingIsStored() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().maxProjects(MAX_PROJECTS).start()) {
      int calls = Scale.times(400);

      Map<Integer, Integer> statuses = flood(server, "CreateProject", call -> projectInput("project-" + call), calls,
          () -> { });

      count("projects: calls answered 200", statuses.getOrDefault(200, 0));
      count("projects: calls refused AccountLimitExceededException", statuses.getOrDefault(400, 0));
      assertThat(statuses).containsOnlyKeys(200, 400).containsEntry(200, MAX_PROJECTS)
          .containsEntry(400, calls - MAX_PROJECTS);
      JsonNode status = status(server);
      assertThat(status.get("projects").asInt()).isEqualTo(MAX_PROJECTS);
      assertThat(status.get("maxProjects").asInt()).isEqualTo(MAX_PROJECTS);
    }
  }

  // every call's status, each client sending its share one after the other; a refusal must be the typed one
  private Map<Integer, Integer> flood(CodeBuildServer server, String operation, IntFunction<String> bodyOfCall,
      int calls, Runnable sample) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        int share = calls / CLIENTS + (client < calls % CLIENTS ? 1 : 0);
        int first = client * (calls / CLIENTS + 1);
        running.add(clients.submit(() -> {
          for (int i = 0; i < share; i++) {
            HttpResponse<String> reply = post(server, operation, bodyOfCall.apply(first + i));
            if (reply.statusCode() == 400) {
              assertThat(reply.body()).contains("AccountLimitExceededException");
            }
            statuses.merge(reply.statusCode(), 1, Integer::sum);
            if (i % 50 == 0) {
              sample.run();
            }
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get(120, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
    return statuses;
  }

  private void createProject(CodeBuildServer server, String name) throws Exception {
    HttpResponse<String> created = post(server, "CreateProject", projectInput(name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
  }

  private static String projectInput(String name) {
    return "{\"name\":\"" + name + "\",\"source\":"
        + "{\"type\":\"NO_SOURCE\",\"buildspec\":\"version: 0.2\"},\"artifacts\":{\"type\":\"NO_ARTIFACTS\"},"
        + "\"environment\":{\"type\":\"LINUX_CONTAINER\",\"image\":\"aws/codebuild/standard:7.0\","
        + "\"computeType\":\"BUILD_GENERAL1_SMALL\"},\"serviceRole\":\"arn:aws:iam::123456789012:role/r\"}";
  }

  // GET /_buildstop/status, unsigned
  private JsonNode status(CodeBuildServer server) throws Exception {
    HttpResponse<String> reply = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/_buildstop/status"))
        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  private HttpResponse<String> post(CodeBuildServer server, String operation, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(server.endpoint()).timeout(Duration.ofSeconds(20))
        .header("X-Amz-Target", "CodeBuild_20161006." + operation)
        .header("Content-Type", "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void count(String what, long amount) {
    counts.add(what, amount);
  }

  @AfterAll
  void report() throws IOException {
    counts.write("bounded-store.txt");
  }
}
