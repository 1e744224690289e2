package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.server.RawHttp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The page's paths (issue 20) over real HTTP: one prefix, {@code /_buildstop/ui/}, its files with a strict
 * Content-Security-Policy, its JSON reads, and the methods and paths it refuses.
 */
@DisplayName("the page's paths")
class PagePathsTest {
  private static final String CSP = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'";

  @Nested
  @DisplayName("routing")
  class Routing {
    @Test
    void thePageIsServedAsHtmlWithItsSecurityHeaders() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        Reply page = PageHttp.get(server, "");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).contains("<title>buildstop</title>", "/_buildstop/ui/page.js",
            "/_buildstop/ui/page.css", "data-testid=\"filter-project\"", "data-testid=\"connection\"");
        // where the server says its page is
        assertThat(server.page()).isEqualTo(URI.create(server.endpoint() + "/_buildstop/ui/"));
        assertThat(RawHttp.send(HttpRequest.newBuilder(server.page()).GET().build()).body()).isEqualTo(page.body());
      }
    }

    @Test
    void theScriptAndTheStyleSheetAreServedWithTheirTypes() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        Reply script = PageHttp.get(server, "page.js");
        Reply style = PageHttp.get(server, "page.css");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(script.header("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(script.body()).contains("textContent").doesNotContain("innerHTML =", "eval(");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(style.body()).doesNotContain("@import", "url(http");
      }
    }

    @Test
    void thePrefixWithoutItsSlashIsRedirectedToThePage() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        Reply reply = RawHttp.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/_buildstop/ui"))
            .GET().build());

        assertThat(reply.status()).isEqualTo(308);
        assertThat(reply.header("Location")).isEqualTo("/_buildstop/ui/");
      }
    }

    @Test
    void anotherMethodIs405WithAllow() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        Reply postToRead = PageHttp.post(server, "builds", "{}");
        Reply getOfStop = PageHttp.get(server, "stop-build");

        assertThat(postToRead.status()).isEqualTo(405);
        assertThat(postToRead.header("Allow")).isEqualTo("GET");
        assertThat(postToRead.type()).isEqualTo("UnknownOperationException");
        assertThat(getOfStop.status()).isEqualTo(405);
        assertThat(getOfStop.header("Allow")).isEqualTo("POST");
      }
    }

    @Test
    void anUnknownPathBelowThePrefixIs404() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        Reply reply = PageHttp.get(server, "nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.type()).isEqualTo("UnknownOperationException");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Content-Security-Policy")).isEqualTo(CSP);
      }
    }
  }

  @Nested
  @DisplayName("reads")
  class Reads {
    @Test
    void aRunningBuildIsShownWithItsPhasesAndTheServersTime() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        String id = server.backend().startBuildInPhase("page-project", BuildPhaseType.BUILD).get().id()
            .orElseThrow();

        JsonNode answer = PageHttp.get(server, "build?id=" + id).json();

        assertThat(Instant.parse(answer.get("now").asText())).isCloseTo(Instant.now(),
            org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
        JsonNode build = answer.get("build");
        assertThat(build.get("id").asText()).isEqualTo(id);
        assertThat(build.get("buildStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(build.get("currentPhase").asText()).isEqualTo("BUILD");
        assertThat(build.get("buildComplete").asBoolean()).isFalse();
        JsonNode open = build.get("phases").get(build.get("phases").size() - 1);
        assertThat(open.get("phaseType").asText()).isEqualTo("BUILD");
        assertThat(open.has("endTime")).isFalse();
        assertThat(open.has("phaseStatus")).isFalse();
      }
    }

    @Test
    void anUnknownBuildIsATypedNotFound() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        Reply reply = PageHttp.get(server, "build?id=page-project:00000000-0000-0000-0000-000000000000");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.type()).isEqualTo("ResourceNotFoundException");
      }
    }
  }

  @Nested
  @DisplayName("stop")
  class Stop {
    @Test
    void aStopThroughThePageAnswersTheStoppedBuild() {
      try (CodeBuildServer server = CodeBuildServer.start(io.buildstop.memory.InMemoryCodeBuild.create())) {
        String id = server.backend().startBuildInPhase("page-project", BuildPhaseType.BUILD).get().id()
            .orElseThrow();

        Reply reply = PageHttp.post(server, "stop-build", "{\"id\": \"" + id + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/build/buildStatus").asText()).isEqualTo("STOPPED");
        assertThat(reply.json().at("/build/id").asText()).isEqualTo(id);
      }
    }
  }
}
