package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a server shared between tests needs: projects seeded without HTTP, a reset, and the operations called. */
class SharedServerTest {

  @Test
  void aSeededProjectTakesBuildsOverHttpAndIsCreatedOnce() {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      String project = Projects.freshName();

      assertThat(server.createProject(project)).isTrue();
      assertThat(server.createProject(project)).isFalse();

      assertThat(RawHttp.call(server.endpoint(), "StartBuild", RawHttp.json("{'projectName': '" + project + "'}"))
          .status()).isEqualTo(200);
      assertThat(RawHttp.call(server.endpoint(), "BatchGetProjects",
          RawHttp.json("{'names': ['" + project + "']}")).json().at("/projects/0/name").asText()).isEqualTo(project);
      assertThatIllegalArgumentException().isThrownBy(() -> server.createProject("not a name!"));
    }
  }

  @Test
  void resetForgetsProjectsAndBuildsAndKeepsThePort() {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      String project = Projects.freshName();
      server.createProject(project);
      server.backend().startBuild(project);
      int port = server.port();

      server.reset();

      assertThat(server.port()).isEqualTo(port);
      assertThat(server.backend().builds()).isEmpty();
      assertThat(RawHttp.call(server.endpoint(), "BatchGetProjects",
          RawHttp.json("{'names': ['" + project + "']}")).json().at("/projectsNotFound/0").asText())
          .isEqualTo(project);
      assertThat(RawHttp.call(server.endpoint(), "StartBuild", RawHttp.json("{'projectName': '" + project + "'}"))
          .status()).isEqualTo(400);
    }
  }

  @Test
  void theListenerHearsEachOperationThatPassedTheProtocolChecks() {
    List<String> heard = new CopyOnWriteArrayList<>();
    try (CodeBuildServer server = CodeBuildServer.builder().onOperation(heard::add).start()) {
      RawHttp.call(server.endpoint(), "ListBuilds", "{}");
      RawHttp.call(server.endpoint(), "StopBuild", RawHttp.json("{'id': 'p:unknown'}"));
      RawHttp.call(server.endpoint(), "DeleteReportGroup", "{}");

      assertThat(heard).containsExactly("ListBuilds", "StopBuild");
    }
  }
}
