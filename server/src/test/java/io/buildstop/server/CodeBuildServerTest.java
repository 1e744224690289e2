package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.memory.InMemoryCodeBuild;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the builder promises: safe defaults, checked settings, a bind failure as an exception, an idempotent close. */
class CodeBuildServerTest {

  @Test
  void byDefaultItListensOnLoopbackOnAFreePortOverTheBackendItWasGiven() {
    InMemoryCodeBuild backend = InMemoryCodeBuild.create();
    try (CodeBuildServer server = CodeBuildServer.start(backend)) {
      assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
      assertThat(server.port()).isPositive();
      assertThat(server.backend()).isSameAs(backend);
      assertThat(RawHttp.call(server.endpoint(), "ListBuilds", "{}").status()).isEqualTo(200);
    }
  }

  @Test
  void aPortInUseIsAnUncheckedIoException() {
    try (CodeBuildServer first = CodeBuildServer.builder().start()) {
      assertThatThrownBy(() -> CodeBuildServer.builder().port(first.port()).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(first.port()));
    }
  }

  @Test
  void closingTwiceIsHarmlessAndAClosedServerAnswersNoMore() {
    CodeBuildServer server = CodeBuildServer.builder().start();
    server.close();
    server.close();

    assertThatThrownBy(() -> RawHttp.call(server.endpoint(), "ListBuilds", "{}"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void settingsThatCannotWorkAreRefusedWhenSet() {
    CodeBuildServer.Builder builder = CodeBuildServer.builder();

    assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxRequestBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.region("Mars")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.accountId("1234")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.credentials("", "secret")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.lifecycle(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRegionAndAccountNameTheArnsOfADefaultBackend() {
    try (CodeBuildServer server = CodeBuildServer.builder().region("eu-west-1").accountId("210987654321").start()) {
      String project = Projects.freshName();
      RawHttp.call(server.endpoint(), "CreateProject", Projects.minimal(project));

      String arn = RawHttp.call(server.endpoint(), "StartBuild", RawHttp.json("{'projectName': '" + project + "'}"))
          .json().at("/build/arn").asText();

      assertThat(arn).startsWith("arn:aws:codebuild:eu-west-1:210987654321:build/" + project + ":");
    }
  }
}
