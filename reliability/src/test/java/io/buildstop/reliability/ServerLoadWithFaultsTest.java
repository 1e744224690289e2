package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.server.CodeBuildServer;
import io.buildstop.wire.WireCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The server under load with faults (issue 7.3): for a bounded time, clients on many threads send StartBuild,
 * StopBuild and BatchGetBuilds over kept-alive connections while builds run through their phases on their own
 * (lifecycle mode), so stops race natural completion; other clients open connections and drop them mid-request
 * (half a body, then a close or a reset) or right after sending, without reading. Afterwards: no answer was a 5xx;
 * every build satisfies the invariants; every acknowledged stop is visible — the stored build is terminal with the
 * very status and end time the StopBuild answer showed; every BatchGetBuilds answer held only real builds; and the
 * server still answers. Runs 3 s by default, 30 s under {@code -Pstress}; counts go to
 * {@code target/reliability/server-load.txt}.
 */
class ServerLoadWithFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROJECT = "load-project";
  private static final int CLIENTS = 8;
  private static final int DROPPERS = 3;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> ids = new CopyOnWriteArrayList<>();
  private final Map<String, Build> acknowledgedStops = new ConcurrentHashMap<>();
  private final Counts counts = new Counts();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  @Test
  void underLoadWithDroppedConnectionsEveryBuildStaysRealAndEveryAcknowledgedStopIsVisible() throws Exception {
    Duration runFor = Duration.ofSeconds(Scale.times(3));
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(Duration.ofMillis(50)).start()) {
      HttpResponse<String> created = post(server, "CreateProject", "{\"name\":\"" + PROJECT + "\","
          + "\"source\":{\"type\":\"NO_SOURCE\",\"buildspec\":\"version: 0.2\"},\"artifacts\":{\"type\":\"NO_ARTIFACTS\"},"
          + "\"environment\":{\"type\":\"LINUX_CONTAINER\",\"image\":\"aws/codebuild/standard:7.0\","
          + "\"computeType\":\"BUILD_GENERAL1_SMALL\"},\"serviceRole\":\"arn:aws:iam::123456789012:role/r\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      ids.add(server.backend().startBuild(PROJECT).get().id().orElseThrow());
      long deadline = System.nanoTime() + runFor.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + DROPPERS);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        running.add(pool.submit(() -> client(server, deadline)));
      }
      for (int i = 0; i < DROPPERS; i++) {
        running.add(pool.submit(() -> dropper(server, deadline)));
      }
      for (Future<?> client : running) {
        client.get(runFor.toSeconds() + 60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

      List<Build> builds = server.backend().builds();
      count("builds at the end", builds.size());
      count("acknowledged stops", acknowledgedStops.size());
      report();

      assertThat(problems).isEmpty();
      assertThat(builds).allSatisfy(build -> assertThat(BuildInvariants.violations(build))
          .as("invariants of %s", build.id()).isEmpty());
      acknowledgedStops.forEach((id, acknowledged) -> {
        Build stored = server.backend().build(BuildId.parse(id).get()).orElseThrow();
        assertThat(stored.buildComplete()).as("stored %s", id).contains(true);
        assertThat(stored.buildStatus()).as("status of %s", id).isEqualTo(acknowledged.buildStatus());
        assertThat(stored.endTime()).as("end of %s", id).isEqualTo(acknowledged.endTime());
        assertThat(stored.phases()).as("phases of %s", id).hasSameSizeAs(acknowledged.phases());
      });
      assertThat(acknowledgedStops).isNotEmpty();
      assertThat(acknowledgedStops.values()).anyMatch(b -> b.buildStatus().equals(java.util.Optional.of(StatusType.STOPPED)));
      HttpResponse<String> still = post(server, "BatchGetBuilds", "{\"ids\":[\"" + ids.get(0) + "\"]}");
      assertThat(still.statusCode()).isEqualTo(200);

    }
  }

  private void client(CodeBuildServer server, long deadline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < deadline) {
      try {
        int pick = random.nextInt(10);
        if (pick < 3 || ids.size() < 4) {
          HttpResponse<String> reply = post(server, "StartBuild", "{\"projectName\":\"" + PROJECT + "\"}");
          check("StartBuild", reply);
          if (reply.statusCode() == 200) {
            ids.add(JSON.readTree(reply.body()).path("build").path("id").asText());
          }
        } else if (pick < 7) {
          // half the stops go to the newest builds, so that stops race each other and the lifecycle on one build
          int size = ids.size();
          String id = ids.get(random.nextBoolean() ? size - 1 - random.nextInt(Math.min(3, size)) : random.nextInt(size));
          HttpResponse<String> reply = post(server, "StopBuild", "{\"id\":\"" + id + "\"}");
          check("StopBuild", reply);
          if (reply.statusCode() == 200) {
            Build stopped = WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).getOrElseThrow(e -> new AssertionError(e.message()));
            if (!stopped.buildComplete().orElse(false)) {
              problems.add("a StopBuild answer with a running build: " + reply.body());
            }
            // every caller of a stop sees the same resulting build (spec §4.5): keep the first, compare the rest
            Build first = acknowledgedStops.putIfAbsent(id, stopped);
            if (first != null && !(first.buildStatus().equals(stopped.buildStatus())
                && first.endTime().equals(stopped.endTime()))) {
              problems.add("two stops of " + id + " saw different builds: " + first + " / " + stopped);
            }
          }
        } else {
          List<String> asked = random.ints(1 + random.nextInt(5), 0, ids.size()).mapToObj(ids::get).toList();
          HttpResponse<String> reply = post(server, "BatchGetBuilds", asked.stream()
              .map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ids\":[", "]}")));
          check("BatchGetBuilds", reply);
          if (reply.statusCode() == 200) {
            for (JsonNode build : JSON.readTree(reply.body()).path("builds")) {
              Build read = WireCodec.STOP_BUILD_RESPONSE.decode("{\"build\":" + build + "}")
                  .getOrElseThrow(e -> new AssertionError(e.message()));
              if (!BuildInvariants.violations(read).isEmpty()) {
                problems.add("BatchGetBuilds read a build breaking " + BuildInvariants.violations(read) + ": " + build);
              }
            }
          }
        }
      } catch (IOException e) {
        problems.add("a well-behaved client failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void dropper(CodeBuildServer server, long deadline) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < deadline) {
      String operation = random.nextBoolean() ? "StopBuild" : "StartBuild";
      String body = operation.equals("StopBuild")
          ? "{\"id\":\"" + ids.get(random.nextInt(ids.size())) + "\"}"
          : "{\"projectName\":\"" + PROJECT + "\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: CodeBuild_20161006." + operation
          + "\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: " + bytes.length + "\r\n\r\n";
      int mode = random.nextInt(3);
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        // mode 0: half a body, then close; 1: half a body, then a reset; 2: the whole request, then close unread
        out.write(bytes, 0, mode == 2 ? bytes.length : bytes.length / 2);
        out.flush();
        if (mode == 1) {
          socket.setSoLinger(true, 0);
        }
        count("dropped connections (mode " + mode + ")", 1);
      } catch (IOException e) {
        count("dropped connections refused", 1);
      }
      try {
        Thread.sleep(random.nextInt(1, 4)); // some clients misbehave; they do not flood
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpResponse<String> post(CodeBuildServer server, String operation, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(server.endpoint()).timeout(Duration.ofSeconds(20))
        .header("X-Amz-Target", "CodeBuild_20161006." + operation)
        .header("Content-Type", "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void check(String operation, HttpResponse<String> reply) {
    count(operation + " " + reply.statusCode(), 1);
    if (reply.statusCode() >= 500) {
      problems.add(operation + " answered " + reply.statusCode() + ": " + reply.body());
    }
  }

  private void count(String what, long by) {
    counts.add(what, by);
  }

  private void report() throws IOException {
    counts.write("server-load.txt");
  }
}
