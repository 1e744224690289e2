package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.lifecycle.BuildOrder;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.RawHttp.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /_buildstop/ui/builds}: 10,000 builds, paged newest first in ListBuilds' own order and tokens, filtered
 * by project and status, with the count of the builds that match; bad paging input is a typed 400.
 */
@DisplayName("the page's list of builds")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBuildListTest {
  private static final int BUILDS = 10_000;
  private static final List<String> PROJECTS = List.of("page-alpha", "page-beta", "page-gamma");
  private static final List<StatusType> FINAL = List.of(StatusType.SUCCEEDED, StatusType.FAILED, StatusType.FAULT,
      StatusType.TIMED_OUT, StatusType.STOPPED);

  private CodeBuildServer server;

  @BeforeAll
  void seedTenThousandBuilds() {
    server = CodeBuildServer.start(InMemoryCodeBuild.create());
    for (int i = 0; i < BUILDS; i++) {
      String project = PROJECTS.get(i % PROJECTS.size());
      if (i % 100 == 0) {
        server.backend().startBuildInPhase(project, BuildPhaseType.BUILD).get();
      } else {
        server.backend().startCompletedBuild(project, FINAL.get(i % FINAL.size())).get();
      }
    }
  }

  @AfterAll
  void close() {
    server.close();
  }

  @Nested
  @DisplayName("paging")
  class Paging {
    @Test
    void everyBuildIsSeenOnceAcrossThePagesNewestFirst() {
      List<String> seen = walk("maxResults=100");

      List<String> newestFirst = server.backend().builds().stream().sorted(BuildOrder.NEWEST_FIRST)
          .map(build -> build.id().orElseThrow()).toList();
      assertThat(seen).hasSize(BUILDS).doesNotHaveDuplicates().containsExactlyElementsOf(newestFirst);
    }

    @Test
    void aPageHoldsTwentyFiveBuildsUnlessToldOtherwiseAndCountsAllThatMatch() {
      JsonNode first = PageHttp.get(server, "builds").json();

      assertThat(first.get("builds")).hasSize(25);
      assertThat(first.get("matched").asInt()).isEqualTo(BUILDS);
      assertThat(first.get("nextToken").asText()).isNotEmpty();
      assertThat(first.get("now").asText()).isNotEmpty();
      JsonNode second = PageHttp.get(server, "builds?nextToken=" + encoded(first.get("nextToken").asText())).json();
      assertThat(second.get("builds")).hasSize(25);
      assertThat(second.get("builds").get(0).get("id").asText())
          .isNotEqualTo(first.get("builds").get(24).get("id").asText());
    }

    @Test
    void aPageOfTheLastBuildsHasNoNextToken() {
      JsonNode one = PageHttp.get(server, "builds?status=IN_PROGRESS&maxResults=100").json();

      assertThat(one.get("builds")).hasSize(BUILDS / 100);
      assertThat(one.has("nextToken")).isFalse();
    }

    @Test
    void pagingTenThousandBuildsStaysFast() {
      long started = System.nanoTime();
      List<String> seen = walk("maxResults=25");
      long perPageMillis = (System.nanoTime() - started) / 1_000_000 / (BUILDS / 25);

      assertThat(seen).hasSize(BUILDS);
      // a page costs its length and the count, not a sort of the store: 400 pages in well under a second each
      assertThat(perPageMillis).isLessThan(250);
    }
  }

  @Nested
  @DisplayName("filters")
  class Filters {
    @Test
    void aProjectFilterListsThatProjectsBuildsAlone() {
      List<String> seen = walk("project=page-beta&maxResults=100");

      Set<String> expected = server.backend().builds().stream()
          .filter(build -> build.projectName().orElseThrow().equals("page-beta"))
          .map(build -> build.id().orElseThrow()).collect(Collectors.toSet());
      assertThat(seen).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(PageHttp.get(server, "builds?project=page-beta").json().get("matched").asInt())
          .isEqualTo(expected.size());
    }

    @Test
    void aStatusFilterListsBuildsOfThatStatusAloneNewestFirst() {
      List<String> seen = walk("status=FAULT&maxResults=100");

      List<String> expected = server.backend().builds().stream()
          .filter(build -> build.buildStatusAsString().orElseThrow().equals("FAULT"))
          .sorted(BuildOrder.NEWEST_FIRST).map(build -> build.id().orElseThrow()).toList();
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(PageHttp.get(server, "builds?status=FAULT").json().get("matched").asInt())
          .isEqualTo(expected.size());
    }

    @Test
    void bothFiltersTogetherMatchBuildsOfThatProjectAndStatus() {
      JsonNode page = PageHttp.get(server, "builds?project=page-alpha&status=IN_PROGRESS&maxResults=100").json();

      long expected = server.backend().builds().stream()
          .filter(build -> build.projectName().orElseThrow().equals("page-alpha") && !build.buildComplete()
              .orElseThrow()).count();
      assertThat(page.get("matched").asLong()).isEqualTo(expected);
      for (JsonNode build : page.get("builds")) {
        assertThat(build.get("projectName").asText()).isEqualTo("page-alpha");
        assertThat(build.get("buildStatus").asText()).isEqualTo("IN_PROGRESS");
      }
    }

    @Test
    void aProjectWithoutBuildsMatchesNone() {
      JsonNode page = PageHttp.get(server, "builds?project=page-nothing").json();

      assertThat(page.get("builds")).isEmpty();
      assertThat(page.get("matched").asInt()).isZero();
    }
  }

  @Nested
  @DisplayName("bad input changes nothing")
  class BadInput {
    @Test
    void maxResultsOutsideOneToOneHundredIsInvalidInput() {
      for (String bad : List.of("0", "101", "-1", "ten", "1.5")) {
        Reply reply = PageHttp.get(server, "builds?maxResults=" + bad);

        assertThat(reply.status()).as(bad).isEqualTo(400);
        assertThat(reply.type()).as(bad).isEqualTo("InvalidInputException");
        assertThat(reply.message()).as(bad).contains("maxResults", "1", "100");
      }
    }

    @Test
    void anUnknownStatusOrAMalformedProjectOrAForeignTokenIsInvalidInput() {
      for (String bad : List.of("status=RUNNING", "project=-bad", "nextToken=not-a-token",
          "maxResults=5&maxResults=6")) {
        Reply reply = PageHttp.get(server, "builds?" + bad);

        assertThat(reply.status()).as(bad).isEqualTo(400);
        assertThat(reply.type()).as(bad).isEqualTo("InvalidInputException");
      }
      assertThat(server.backend().buildCount()).isEqualTo(BUILDS);
    }
  }

  // every id the page's paging hands out, page after page
  private List<String> walk(String query) {
    List<String> ids = new ArrayList<>();
    Set<String> tokens = new HashSet<>();
    String token = null;
    do {
      JsonNode page = PageHttp.get(server, "builds?" + query + (token == null ? "" : "&nextToken=" + encoded(token)))
          .json();
      page.get("builds").forEach(build -> ids.add(build.get("id").asText()));
      token = page.has("nextToken") ? page.get("nextToken").asText() : null;
      assertThat(token == null || tokens.add(token)).as("a token handed out once").isTrue();
    } while (token != null);
    return ids;
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
