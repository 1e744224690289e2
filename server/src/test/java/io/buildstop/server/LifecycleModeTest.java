package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.RawHttp.Reply;
import io.buildstop.testkit.BuildAssert;
import io.buildstop.wire.WireCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle mode: started builds run through their phases on a schedule and succeed, unless a stop lands first;
 * either way each build makes exactly one terminal transition. Timing is only ever waited for, with generous
 * bounds, never asserted tightly.
 */
class LifecycleModeTest {
  private static final Duration PHASE = Duration.ofMillis(50);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private static Build startedOver(CodeBuildServer server) {
    String project = Projects.freshName();
    assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(project)).status()).isEqualTo(200);
    Reply reply = call(server.endpoint(), "StartBuild", json("{'projectName': '" + project + "'}"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get();
  }

  private static Build current(CodeBuildServer server, Build build) {
    return server.backend().build(BuildId.parse(build.id().orElseThrow()).get()).orElseThrow();
  }

  /** Polls the build until {@code condition} holds; records every phase it was seen in on the way. */
  private static Build awaitBuild(CodeBuildServer server, Build build, Predicate<Build> condition,
      Set<String> phasesSeen) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Build now = current(server, build);
      phasesSeen.add(now.currentPhaseAsString().orElse("?"));
      if (condition.test(now)) {
        return now;
      }
      assertThat(System.nanoTime()).as("waited %s for %s, last seen %s", PATIENCE, condition, now)
          .isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void aStartedBuildIsSeenAdvancingAndSucceeds() throws InterruptedException {
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(PHASE).start()) {
      Build started = startedOver(server);
      Set<String> phasesSeen = new LinkedHashSet<>();

      Build finished = awaitBuild(server, started, build -> build.buildComplete().orElse(false), phasesSeen);

      BuildAssert.assertThat(finished).hasBuildStatus(StatusType.SUCCEEDED).isComplete().satisfiesTheInvariants();
      assertThat(finished.phases()).extracting(phase -> phase.phaseTypeAsString().orElseThrow())
          .containsExactly("SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
              "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED");
      assertThat(phasesSeen).as("phases seen while polling").hasSizeGreaterThanOrEqualTo(4).contains("COMPLETED");
      assertThat(finished.logs()).isEqualTo(started.logs());
    }
  }

  @Test
  void aBuildStoppedMidPhaseStaysStopped() throws InterruptedException {
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(PHASE).start()) {
      Build started = startedOver(server);
      Build building = awaitBuild(server, started,
          build -> build.currentPhase().equals(Optional.of(BuildPhaseType.INSTALL)), new LinkedHashSet<>());

      Reply reply = call(server.endpoint(), "StopBuild", json("{'id': '" + started.id().orElseThrow() + "'}"));
      Build stopped = WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get();
      Thread.sleep(PHASE.multipliedBy(12).toMillis());

      BuildAssert.assertThat(stopped).isStopped().satisfiesTheInvariants();
      assertThat(stopped.phases().get(stopped.phases().size() - 2).phaseTypeAsString().orElseThrow())
          .isIn(BuildLifecycle.RUNNING_PHASES.stream().map(BuildPhaseType::name).toList())
          .isNotIn("SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE");
      assertThat(stopped.phases().subList(0, building.phases().size() - 1))
          .isEqualTo(building.phases().subList(0, building.phases().size() - 1));
      assertThat(current(server, started)).isEqualTo(stopped);
    }
  }

  @Test
  void stopsRacingTheScheduleEndInExactlyOneTerminalStateEach() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(Duration.ofMillis(3)).start()) {
      List<Build> builds = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        builds.add(startedOver(server));
      }
      ExecutorService callers = Executors.newFixedThreadPool(4);
      try {
        List<Future<Build>> answers = new ArrayList<>();
        for (Build build : builds) {
          answers.add(callers.submit(() -> {
            Thread.sleep(ThreadLocalRandom.current().nextInt(40));
            Reply reply = call(server.endpoint(), "StopBuild", json("{'id': '" + build.id().orElseThrow() + "'}"));
            return WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get();
          }));
        }
        for (int i = 0; i < builds.size(); i++) {
          Build answered = answers.get(i).get(30, TimeUnit.SECONDS);
          Build settled = awaitBuild(server, builds.get(i), build -> build.buildComplete().orElse(false),
              new LinkedHashSet<>());

          // whoever came first decided: the stop's answer is the build's one and final state
          assertThat(answered.buildStatus()).isIn(Optional.of(StatusType.STOPPED), Optional.of(StatusType.SUCCEEDED));
          assertThat(settled).isEqualTo(answered);
          BuildAssert.assertThat(settled).isComplete().satisfiesTheInvariants();
        }
      } finally {
        callers.shutdownNow();
      }
    }
  }

  @Test
  void withoutLifecycleModeABuildStaysWhereStartBuildLeftIt() throws InterruptedException {
    try (CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create())) {
      Build started = startedOver(server);

      Thread.sleep(PHASE.multipliedBy(6).toMillis());

      assertThat(current(server, started)).isEqualTo(started);
    }
  }

  @Test
  void closingTheServerStopsTheSchedule() throws InterruptedException {
    CodeBuildServer server = CodeBuildServer.builder().lifecycle(PHASE).start();
    Build started = startedOver(server);

    server.close();
    server.close();
    Build atClose = current(server, started);
    Thread.sleep(PHASE.multipliedBy(6).toMillis());

    assertThat(current(server, started)).isEqualTo(atClose);
    assertThat(atClose.buildComplete()).contains(false);
  }
}
