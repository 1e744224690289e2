package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.StatusType;
import io.buildstop.server.RawHttp.Reply;
import org.junit.jupiter.api.Test;

/**
 * StartBuild on a server holding its most builds: the oldest complete build makes room, and with every build
 * running the call is refused as CodeBuild refuses one over a limit, never by running out of memory.
 */
class BoundedStoreOverHttpTest {

  @Test
  void startBuildEvictsTheOldestCompleteBuildThenRefusesWithAccountLimitExceededWhenAllAreRunning() {
    try (CodeBuildServer server = CodeBuildServer.builder().maxBuilds(2).start()) {
      String project = Projects.freshName();
      assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(project)).status()).isEqualTo(200);
      String start = json("{'projectName': '" + project + "'}");
      assertThat(call(server.endpoint(), "StartBuild", start).status()).isEqualTo(200);
      String second = server.backend().startBuild(project).get().id().orElseThrow();
      server.backend().complete(server.backend().builds().stream()
          .filter(build -> !build.id().orElseThrow().equals(second)).findFirst().orElseThrow()
          .id().orElseThrow(), StatusType.SUCCEEDED).get();

      Reply third = call(server.endpoint(), "StartBuild", start);
      Reply fourth = call(server.endpoint(), "StartBuild", start);

      assertThat(third.status()).isEqualTo(200);
      assertThat(server.backend().evictedBuilds()).isEqualTo(1);
      assertThat(fourth.status()).isEqualTo(400);
      assertThat(fourth.type()).isEqualTo("AccountLimitExceededException");
      assertThat(fourth.message()).contains("2 builds");
      assertThat(server.backend().builds()).hasSize(2);
    }
  }
}
