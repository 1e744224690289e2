package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RetryBuild, BatchDeleteBuilds, UpdateProject, DeleteProject and ListProjects over the wire, without a peer: what
 * each answers, read back through the wire's codecs, and CodeBuild's errors, each changing nothing.
 */
class RetryDeleteAndProjectOperationsTest {
  private final InMemoryCodeBuild backend = InMemoryCodeBuild.create();
  private final CodeBuildServer server = CodeBuildServer.builder().backend(backend).start();

  @AfterEach
  void stop() {
    server.close();
  }

  private RawHttp.Reply send(String operation, String singleQuoted) {
    return call(server.endpoint(), operation, json(singleQuoted));
  }

  private static JsonNode tree(String singleQuoted) {
    try {
      return RawHttp.JSON.readTree(json(singleQuoted));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode ok(RawHttp.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private void refused(RawHttp.Reply reply, String type) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.type()).as(reply.body()).isEqualTo(type);
  }

  private Build started() {
    server.createProject("wired");
    return WireCodec.BUILD.decode(ok(send("StartBuild", "{'projectName': 'wired'}")).get("build")).get();
  }

  private Build finished() {
    Build build = started();
    return backend.complete(build.id().orElseThrow(), StatusType.FAILED).get();
  }

  @Nested
  class RetryBuild {
    @Test
    void answersANewRunningBuildOfTheSameConfiguration() {
      Build old = finished();

      Build retry = WireCodec.BUILD.decode(ok(send("RetryBuild", "{'id': '" + old.arn().orElseThrow() + "'}"))
          .get("build")).get();

      assertThat(retry.id()).isNotEqualTo(old.id());
      assertThat(retry.buildStatusAsString()).contains("IN_PROGRESS");
      assertThat(retry.source()).isEqualTo(old.source());
      assertThat(retry.environment()).isEqualTo(old.environment());
      assertThat(retry.serviceRole()).isEqualTo(old.serviceRole());
      assertThat(backend.build(BuildId.parse(retry.id().orElseThrow()).get())).contains(retry);
    }

    @Test
    void aRunningBuildIsInvalidInput() {
      Build running = started();

      refused(send("RetryBuild", "{'id': '" + running.id().orElseThrow() + "'}"), "InvalidInputException");
      assertThat(backend.buildCount()).isEqualTo(1);
    }

    @Test
    void anUnknownBuildIsResourceNotFoundAndNoIdInvalidInput() {
      refused(send("RetryBuild", "{'id': 'wired:0f4d8c1e-0000-4000-8000-00000000dead'}"),
          "ResourceNotFoundException");
      refused(send("RetryBuild", "{}"), "InvalidInputException");
      refused(send("RetryBuild", "{'id': 'no id'}"), "InvalidInputException");
    }

    @Test
    void aRepeatedTokenAnswersTheFirstRetryAndOtherParametersMismatch() {
      Build old = finished();
      String id = old.id().orElseThrow();

      JsonNode first = ok(send("RetryBuild", "{'id': '" + id + "', 'idempotencyToken': 't1'}")).get("build");
      JsonNode again = ok(send("RetryBuild", "{'id': '" + id + "', 'idempotencyToken': 't1'}")).get("build");

      assertThat(again.get("id")).isEqualTo(first.get("id"));
      refused(send("RetryBuild", "{'id': '" + old.arn().orElseThrow() + "', 'idempotencyToken': 't1'}"),
          "IdempotentParameterMismatchException");
      assertThat(backend.buildCount()).isEqualTo(2);
    }
  }

  @Nested
  class BatchDeleteBuilds {
    @Test
    void deletesFinishedBuildsAndAnswersRunningOnesBuildInProgress() {
      Build done = finished();
      Build running = started();

      JsonNode answer = ok(send("BatchDeleteBuilds", "{'ids': ['" + done.id().orElseThrow() + "', '"
          + running.id().orElseThrow() + "']}"));

      assertThat(answer.get("buildsDeleted")).containsExactly(RawHttp.JSON.valueToTree(done.arn().orElseThrow()));
      assertThat(answer.get("buildsNotDeleted")).containsExactly(tree(
          "{'id': '" + running.arn().orElseThrow() + "', 'statusCode': 'BUILD_IN_PROGRESS'}"));
      assertThat(ok(send("BatchGetBuilds", "{'ids': ['" + done.id().orElseThrow() + "']}"))
          .get("buildsNotFound")).hasSize(1);
    }

    @Test
    void noIdsTooManyOrAMalformedOneAreInvalidInputAndDeleteNothing() {
      Build done = finished();
      List<String> many = new ArrayList<>();
      IntStream.range(0, 101).forEach(i -> many.add("'" + done.id().orElseThrow() + "'"));

      refused(send("BatchDeleteBuilds", "{'ids': []}"), "InvalidInputException");
      refused(send("BatchDeleteBuilds", "{'ids': [" + String.join(",", many) + "]}"), "InvalidInputException");
      refused(send("BatchDeleteBuilds", "{'ids': ['" + done.id().orElseThrow() + "', 'no id']}"),
          "InvalidInputException");
      assertThat(backend.buildCount()).isEqualTo(1);
    }
  }

  @Nested
  class UpdateProject {
    @Test
    void replacesTheMembersSentAndStampsLastModified() {
      server.createProject("wired");
      Project before = backend.project("wired").orElseThrow();

      Project updated = WireCodec.PROJECT.decode(ok(send("UpdateProject", "{'name': 'wired', 'description': 'v2', "
          + "'timeoutInMinutes': 30, 'environment': {'type': 'LINUX_CONTAINER', 'image': 'my/image:1', "
          + "'computeType': 'BUILD_GENERAL1_MEDIUM'}}")).get("project")).get();

      assertThat(updated.description()).contains("v2");
      assertThat(updated.timeoutInMinutes()).contains(30);
      assertThat(updated.environment().flatMap(e -> e.image())).contains("my/image:1");
      // CreateProject's defaults fill what the replaced environment left out
      assertThat(updated.environment().flatMap(e -> e.privilegedMode())).contains(false);
      assertThat(updated.source()).isEqualTo(before.source());
      assertThat(updated.created()).isEqualTo(before.created());
      assertThat(updated.lastModified().orElseThrow()).isAfterOrEqualTo(before.lastModified().orElseThrow());
      assertThat(backend.project("wired")).contains(updated);
    }

    @Test
    void aRunningBuildKeepsItsSnapshotAndANewBuildUsesTheChange() {
      Build running = started();

      ok(send("UpdateProject", "{'name': 'wired', 'environment': {'type': 'LINUX_CONTAINER', "
          + "'image': 'my/image:2', 'computeType': 'BUILD_GENERAL1_SMALL'}}"));
      Build next = WireCodec.BUILD.decode(ok(send("StartBuild", "{'projectName': 'wired'}")).get("build")).get();

      assertThat(backend.build(BuildId.parse(running.id().orElseThrow()).get())).contains(running);
      assertThat(next.environment().flatMap(e -> e.image())).contains("my/image:2");
    }

    @Test
    void anUnknownProjectIsResourceNotFoundAndAnInvalidMemberChangesNothing() {
      server.createProject("wired");
      Project before = backend.project("wired").orElseThrow();

      refused(send("UpdateProject", "{'name': 'never', 'description': 'x'}"), "ResourceNotFoundException");
      refused(send("UpdateProject", "{'name': 'wired', 'timeoutInMinutes': 1}"), "InvalidInputException");
      refused(send("UpdateProject", "{'name': 'wired', 'environment': {'type': 'LINUX_CONTAINER'}}"),
          "InvalidInputException");
      refused(send("UpdateProject", "{'description': 'x'}"), "InvalidInputException");
      assertThat(backend.project("wired")).contains(before);
    }
  }

  @Nested
  class DeleteProject {
    @Test
    void answersNothingKeepsTheBuildsAndTheProjectsListingIsThenNotFound() {
      Build done = finished();

      assertThat(ok(send("DeleteProject", "{'name': 'wired'}")).size()).isZero();

      assertThat(backend.project("wired")).isEmpty();
      assertThat(ok(send("BatchGetBuilds", "{'ids': ['" + done.id().orElseThrow() + "']}")).get("builds"))
          .hasSize(1);
      refused(send("ListBuildsForProject", "{'projectName': 'wired'}"), "ResourceNotFoundException");
      refused(send("StartBuild", "{'projectName': 'wired'}"), "ResourceNotFoundException");
      refused(send("RetryBuild", "{'id': '" + done.id().orElseThrow() + "'}"), "ResourceNotFoundException");
    }

    @Test
    void anUnknownProjectIsDeletedWithoutComplaintAndNoNameIsInvalidInput() {
      assertThat(ok(send("DeleteProject", "{'name': 'never'}")).size()).isZero();
      refused(send("DeleteProject", "{}"), "InvalidInputException");
    }
  }

  @Nested
  class ListProjects {
    @Test
    void listsByNameAscendingUnlessAskedOtherwise() {
      List.of("web", "api", "batch").forEach(server::createProject);

      assertThat(ok(send("ListProjects", "{}")).get("projects").toString()).isEqualTo("[\"api\",\"batch\",\"web\"]");
      assertThat(ok(send("ListProjects", "{'sortBy': 'NAME', 'sortOrder': 'DESCENDING'}")).get("projects")
          .toString()).isEqualTo("[\"web\",\"batch\",\"api\"]");
    }

    @Test
    void pagesOfAHundredWithATokenToTheNext() {
      IntStream.range(0, 120).forEach(i -> server.createProject(String.format("p%03d", i)));

      JsonNode first = ok(send("ListProjects", "{}"));
      JsonNode second = ok(send("ListProjects", "{'nextToken': '" + first.get("nextToken").asText() + "'}"));

      assertThat(first.get("projects")).hasSize(100);
      assertThat(second.get("projects")).hasSize(20);
      assertThat(second.get("projects").get(0).asText()).isEqualTo("p100");
      assertThat(second.has("nextToken")).isFalse();
    }

    @Test
    void anUnknownSortOrATokenNotHandedOutIsInvalidInput() {
      refused(send("ListProjects", "{'sortBy': 'SIZE'}"), "InvalidInputException");
      refused(send("ListProjects", "{'sortOrder': 'UP'}"), "InvalidInputException");
      refused(send("ListProjects", "{'nextToken': 'garbage'}"), "InvalidInputException");
    }
  }
}
