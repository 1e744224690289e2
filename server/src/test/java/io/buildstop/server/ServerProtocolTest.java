package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.RawHttp.Reply;
import io.buildstop.wire.WireCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation's answer and every refusal, over real HTTP with the JDK's client: status, {@code __type},
 * message, headers, and for each refusal that the backend did not change.
 */
class ServerProtocolTest {
  private static CodeBuildServer server;

  @BeforeAll
  static void startTheServer() {
    server = CodeBuildServer.start(InMemoryCodeBuild.create());
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  /** What a refused request must leave as it was: every build, and the port's call history. */
  private record BackendState(Set<Build> builds, int stopCalls) {
    static BackendState now() {
      return new BackendState(new HashSet<>(server.backend().builds()), server.backend().stopCalls().size());
    }
  }

  /** Sends the request and checks the refusal and that nothing reached the backend. */
  private static Reply refused(Supplier<Reply> request, int status, String type) {
    BackendState before = BackendState.now();
    Reply reply = request.get();
    assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
    assertThat(reply.type()).as("__type of %s", reply.body()).isEqualTo(type);
    assertThat(reply.message()).isNotBlank();
    assertThat(reply.header("Content-Type")).isEqualTo(RawHttp.AMZ_JSON);
    assertThat(BackendState.now()).isEqualTo(before);
    return reply;
  }

  private static Reply ok(Reply reply) {
    assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo(RawHttp.AMZ_JSON);
    assertThat(UUID.fromString(reply.header("x-amzn-RequestId"))).isNotNull();
    assertThat(reply.header("Content-Length")).isEqualTo(
        String.valueOf(reply.body().getBytes(StandardCharsets.UTF_8).length));
    return reply;
  }

  private static String createdProject() {
    String name = Projects.freshName();
    ok(call(server.endpoint(), "CreateProject", Projects.minimal(name)));
    return name;
  }

  private static Build started(String project, String moreMembers) {
    Reply reply = ok(call(server.endpoint(), "StartBuild",
        json("{'projectName': '" + project + "'" + moreMembers + "}")));
    return WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get();
  }

  private static Build seeded(BuildPhaseType phase) {
    InMemoryCodeBuild backend = server.backend();
    Build build = backend.startBuild(Projects.freshName()).get();
    while (!build.currentPhase().equals(Optional.of(phase))) {
      build = backend.advance(build.id().orElseThrow()).get();
    }
    return build;
  }

  @Nested
  @DisplayName("CreateProject and BatchGetProjects")
  class ProjectOperations {

    @Test
    void createProjectAnswersTheProjectWithTheDefaultsCodeBuildFillsIn() {
      String name = Projects.freshName();

      JsonNode project = ok(call(server.endpoint(), "CreateProject", Projects.minimal(name))).json().get("project");

      assertThat(project.get("name").asText()).isEqualTo(name);
      assertThat(project.get("arn").asText()).isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/" + name);
      assertThat(project.get("timeoutInMinutes").asInt()).isEqualTo(60);
      assertThat(project.get("queuedTimeoutInMinutes").asInt()).isEqualTo(480);
      assertThat(project.get("encryptionKey").asText()).isEqualTo("arn:aws:kms:us-east-1:123456789012:alias/aws/s3");
      assertThat(project.get("badge")).isEqualTo(RawHttp.JSON.createObjectNode().put("badgeEnabled", false));
      assertThat(project.get("projectVisibility").asText()).isEqualTo("PRIVATE");
      assertThat(project.at("/cache/type").asText()).isEqualTo("NO_CACHE");
      assertThat(project.at("/logsConfig/cloudWatchLogs/status").asText()).isEqualTo("ENABLED");
      assertThat(project.at("/logsConfig/s3Logs/status").asText()).isEqualTo("DISABLED");
      assertThat(project.at("/logsConfig/s3Logs/encryptionDisabled").asBoolean(true)).isFalse();
      assertThat(project.get("created").isNumber()).isTrue();
      assertThat(project.get("lastModified")).isEqualTo(project.get("created"));
      assertThat(project.at("/environment/environmentVariables")).hasSize(2);
      assertThat(project.at("/environment/imagePullCredentialsType").asText()).isEqualTo("CODEBUILD");
      assertThat(project.at("/artifacts/name").asText()).isEqualTo(name);
      assertThat(project.at("/source/location").asText()).isEqualTo("my-input-bucket/source.zip");
      assertThat(project.get("tags")).isEmpty();
    }

    @Test
    void aNameInUseIsResourceAlreadyExistsAndTheFirstProjectStays() {
      String name = createdProject();
      String other = Projects.minimal(name).replace("standard:7.0", "standard:5.0");

      Reply reply = refused(() -> call(server.endpoint(), "CreateProject", other), 400,
          "ResourceAlreadyExistsException");

      assertThat(reply.message()).isEqualTo("Project already exists: arn:aws:codebuild:us-east-1:123456789012:project/"
          + name);
      JsonNode kept = call(server.endpoint(), "BatchGetProjects", json("{'names': ['" + name + "']}")).json();
      assertThat(kept.at("/projects/0/environment/image").asText()).isEqualTo("aws/codebuild/standard:7.0");
    }

    @Test
    void batchGetProjectsAnswersInRequestOrderByNameOrArn() {
      String first = createdProject();
      String second = createdProject();
      String arn = "arn:aws:codebuild:us-east-1:123456789012:project/" + second;

      JsonNode answer = ok(call(server.endpoint(), "BatchGetProjects",
          json("{'names': ['" + first + "', 'no-such-project', '" + arn + "']}"))).json();

      assertThat(answer.get("projects")).extracting(project -> project.get("name").asText())
          .containsExactly(first, second);
      assertThat(answer.get("projectsNotFound")).extracting(JsonNode::asText).containsExactly("no-such-project");
    }

    static Stream<Arguments> brokenProjects() {
      String name = "broken-project";
      String minimal = Projects.minimal(name);
      return Stream.of(
          Arguments.of(json("{'source': {'type': 'S3'}}"), "Value null at 'name'"),
          Arguments.of(minimal.replace("\"name\": \"" + name + "\"", "\"name\": \"-bad name\""),
              "Value '-bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression"
                  + " pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{1,149}"),
          Arguments.of(minimal.replace("\"name\": \"" + name + "\"", "\"name\": 42"),
              "Value at 'name' failed to satisfy constraint: Member must be a string, not a number"),
          Arguments.of(minimal.replace("\"source\": {\"type\": \"S3\",", "\"source\": {"), "Value null at 'source.type'"),
          Arguments.of(minimal.replace("\"type\": \"S3\", \"location\": \"my-input-bucket/source.zip\"",
              "\"type\": \"FTP\""), "Value 'FTP' at 'source.type' failed to satisfy constraint: Member must satisfy"
              + " enum value set: [CODECOMMIT, CODEPIPELINE, GITHUB, GITLAB, GITLAB_SELF_MANAGED, S3, BITBUCKET,"
              + " GITHUB_ENTERPRISE, NO_SOURCE]"),
          Arguments.of(minimal.replace("\"artifacts\": {\"type\": \"S3\",", "\"artifacts\": {"),
              "Value null at 'artifacts.type'"),
          Arguments.of(minimal.replace("\"environment\": {\"type\": \"LINUX_CONTAINER\",", "\"environment\": {"),
              "Value null at 'environment.type'"),
          Arguments.of(minimal.replace("\"image\": \"aws/codebuild/standard:7.0\",", ""),
              "Value null at 'environment.image'"),
          Arguments.of(minimal.replace("\"computeType\": \"BUILD_GENERAL1_SMALL\",", ""),
              "Value null at 'environment.computeType'"),
          Arguments.of(minimal.replace("{\"name\": \"STAGE\", \"value\": \"test\"}", "{\"name\": \"STAGE\"}"),
              "Value null at 'environment.environmentVariables.1.member.value'"),
          Arguments.of(minimal.replace(", \"serviceRole\": \"arn:aws:iam::123456789012:role/service-role/my-role\"",
              ""), "Value null at 'serviceRole'"),
          Arguments.of(minimal.replace("\"serviceRole\"", "\"timeoutInMinutes\": 2161, \"serviceRole\""),
              "Value '2161' at 'timeoutInMinutes' failed to satisfy constraint: Member must have value less than or"
                  + " equal to 2160"),
          Arguments.of(minimal.replace("{\"type\": \"S3\", \"location\": \"my-input-bucket/source.zip\"}", "null"),
              "Value null at 'source'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenProjects")
    void aProjectBreakingTheServiceModelIsInvalidInputNamingTheMember(String body, String expected) {
      Reply reply = refused(() -> call(server.endpoint(), "CreateProject", body), 400, "InvalidInputException");

      assertThat(reply.message()).startsWith("1 validation error detected: ").contains(expected);
      assertThat(call(server.endpoint(), "BatchGetProjects", json("{'names': ['broken-project']}")).json()
          .get("projects")).isEmpty();
    }

    @Test
    void batchGetProjectsWithoutNamesIsInvalidInput() {
      Reply reply = refused(() -> call(server.endpoint(), "BatchGetProjects", "{}"), 400, "InvalidInputException");

      assertThat(reply.message()).isEqualTo(
          "1 validation error detected: Value null at 'names' failed to satisfy constraint: Member must not be null");
    }
  }

  @Nested
  @DisplayName("StartBuild")
  class StartingBuilds {

    @Test
    void startBuildAnswersARunningBuildConfiguredFromTheProject() {
      String project = createdProject();

      Build build = started(project, "");

      assertThat(build.id().orElseThrow()).startsWith(project + ":");
      assertThat(build.arn().orElseThrow())
          .isEqualTo("arn:aws:codebuild:us-east-1:123456789012:build/" + build.id().orElseThrow());
      assertThat(build.buildNumber()).contains(1L);
      assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(build.currentPhase()).contains(BuildPhaseType.QUEUED);
      assertThat(build.buildComplete()).contains(false);
      assertThat(build.phases()).extracting(phase -> phase.phaseTypeAsString().orElseThrow())
          .containsExactly("SUBMITTED", "QUEUED");
      assertThat(BuildInvariants.violations(build)).isEmpty();
      assertThat(build.initiator()).contains("buildstop");
      assertThat(build.serviceRole()).contains("arn:aws:iam::123456789012:role/service-role/my-role");
      assertThat(build.timeoutInMinutes()).contains(60);
      assertThat(build.queuedTimeoutInMinutes()).contains(480);
      assertThat(build.encryptionKey()).contains("arn:aws:kms:us-east-1:123456789012:alias/aws/s3");
      assertThat(build.source().orElseThrow().location()).contains("my-input-bucket/source.zip");
      assertThat(build.artifacts().orElseThrow().location()).contains("arn:aws:s3:::my-output-bucket/" + project);
      String uuid = BuildId.parse(build.id().orElseThrow()).get().buildUuid();
      assertThat(build.logs().orElseThrow().groupName()).contains("/aws/codebuild/" + project);
      assertThat(build.logs().orElseThrow().streamName()).contains(uuid);
      assertThat(build.logs().orElseThrow().cloudWatchLogsArn())
          .contains("arn:aws:logs:us-east-1:123456789012:log-group:/aws/codebuild/" + project + ":log-stream:" + uuid);
      assertThat(server.backend().build(BuildId.parse(build.id().orElseThrow()).get())).contains(build);
      assertThat(started(project, "").buildNumber()).contains(2L);
    }

    @Test
    void theOverridesOfStartBuildReplaceTheProjectsSettings() {
      String project = createdProject();

      Build build = started(project, json(", 'sourceVersion': 'v1.2', 'timeoutInMinutesOverride': 15,"
          + " 'queuedTimeoutInMinutesOverride': 30, 'computeTypeOverride': 'BUILD_GENERAL1_LARGE',"
          + " 'imageOverride': 'aws/codebuild/standard:5.0', 'privilegedModeOverride': true,"
          + " 'buildspecOverride': 'version: 0.2', 'idempotencyToken': 'ignored',"
          + " 'environmentVariablesOverride': [{'name': 'STAGE', 'value': 'prod'}, {'name': 'NEW', 'value': 'n'}]"));

      assertThat(build.sourceVersion()).contains("v1.2");
      assertThat(build.timeoutInMinutes()).contains(15);
      assertThat(build.queuedTimeoutInMinutes()).contains(30);
      assertThat(build.environment().orElseThrow().computeTypeAsString()).contains("BUILD_GENERAL1_LARGE");
      assertThat(build.environment().orElseThrow().image()).contains("aws/codebuild/standard:5.0");
      assertThat(build.environment().orElseThrow().privilegedMode()).contains(true);
      assertThat(build.source().orElseThrow().buildspec()).contains("version: 0.2");
      assertThat(build.environment().orElseThrow().environmentVariables())
          .extracting(variable -> variable.name().orElseThrow() + "=" + variable.value().orElseThrow())
          .containsExactly("STAGE=prod", "KEEP=kept", "NEW=n");
    }

    @Test
    void anUnknownProjectIsResourceNotFoundAndNoBuildStarts() {
      Reply reply = refused(() -> call(server.endpoint(), "StartBuild", json("{'projectName': 'no-such-project'}")),
          400, "ResourceNotFoundException");

      assertThat(reply.message())
          .isEqualTo("Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/no-such-project");
    }

    @Test
    void aMissingProjectNameIsInvalidInput() {
      Reply reply = refused(() -> call(server.endpoint(), "StartBuild", "{}"), 400, "InvalidInputException");

      assertThat(reply.message()).isEqualTo("1 validation error detected: Value null at 'projectName' failed to"
          + " satisfy constraint: Member must not be null");
    }

    @Test
    void anOverrideOfTheWrongTypeIsInvalidInputAndNoBuildStarts() {
      String project = createdProject();

      Reply reply = refused(() -> call(server.endpoint(), "StartBuild",
          json("{'projectName': '" + project + "', 'timeoutInMinutesOverride': 'soon'}")), 400,
          "InvalidInputException");

      assertThat(reply.message()).isEqualTo("1 validation error detected: Value at 'timeoutInMinutesOverride' failed"
          + " to satisfy constraint: Member must be an integer, not a string");
    }
  }

  @Nested
  @DisplayName("BatchGetBuilds")
  class ReadingBuilds {

    @Test
    void answersTheBuildsFoundAndNotFoundInRequestOrderByIdOrArn() {
      Build first = seeded(BuildPhaseType.BUILD);
      Build second = seeded(BuildPhaseType.QUEUED);
      String unknown = "nobody-s-project:" + UUID.randomUUID();

      Reply reply = ok(call(server.endpoint(), "BatchGetBuilds", json("{'ids': ['" + second.arn().orElseThrow()
          + "', '" + unknown + "', '" + first.id().orElseThrow() + "']}")));

      var answer = WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(reply.body()).get();
      assertThat(answer.builds()).containsExactly(second, first);
      assertThat(answer.buildsNotFound()).containsExactly(unknown);
    }

    @Test
    void aMalformedIdIsInvalidInput() {
      Reply reply = refused(() -> call(server.endpoint(), "BatchGetBuilds", json("{'ids': ['no-colon']}")), 400,
          "InvalidInputException");

      assertThat(reply.message()).contains("no ':'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{'ids': []}", "{'ids': 'a:b'}", "{'ids': [7]}"})
    void idsThatAreMissingEmptyOrNotStringsAreInvalidInputNamingIds(String body) {
      Reply reply = refused(() -> call(server.endpoint(), "BatchGetBuilds", json(body)), 400, "InvalidInputException");

      assertThat(reply.message()).startsWith("1 validation error detected: Value").contains("at 'ids");
    }

    @Test
    void moreThanAHundredIdsIsInvalidInput() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 101; i++) {
        ids.add("\"p:" + i + "\"");
      }
      Reply reply = refused(() -> call(server.endpoint(), "BatchGetBuilds", "{\"ids\": " + ids + "}"), 400,
          "InvalidInputException");

      assertThat(reply.message()).contains("Member must have length less than or equal to 100");
    }
  }

  @Nested
  @DisplayName("ListBuilds and ListBuildsForProject")
  class ListingBuilds {

    @Test
    void listBuildsForProjectAnswersNewestFirstOrOldestFirstWhenAsked() {
      String project = createdProject();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ids.add(started(project, "").id().orElseThrow());
      }

      JsonNode newestFirst = ok(call(server.endpoint(), "ListBuildsForProject",
          json("{'projectName': '" + project + "'}"))).json();
      JsonNode oldestFirst = ok(call(server.endpoint(), "ListBuildsForProject",
          json("{'projectName': '" + project + "', 'sortOrder': 'ASCENDING'}"))).json();

      assertThat(newestFirst.get("ids")).extracting(JsonNode::asText)
          .containsExactly(ids.get(2), ids.get(1), ids.get(0));
      assertThat(newestFirst.has("nextToken")).isFalse();
      assertThat(oldestFirst.get("ids")).extracting(JsonNode::asText).containsExactlyElementsOf(ids);
    }

    @Test
    void listBuildsPagesThroughEveryBuildOnceWithOpaqueTokens() {
      for (int i = 0; i < 120; i++) {
        server.backend().startBuild("many-builds-project");
      }
      Set<String> expected = new HashSet<>();
      server.backend().builds().forEach(build -> expected.add(build.id().orElseThrow()));

      List<String> seen = new ArrayList<>();
      Optional<String> token = Optional.empty();
      int pages = 0;
      do {
        String body = token.map(t -> "{\"nextToken\": \"" + t + "\"}").orElse("{}");
        JsonNode page = ok(call(server.endpoint(), "ListBuilds", body)).json();
        assertThat(page.get("ids").size()).isLessThanOrEqualTo(100);
        page.get("ids").forEach(id -> seen.add(id.asText()));
        token = Optional.ofNullable(page.get("nextToken")).map(JsonNode::asText);
        pages++;
      } while (token.isPresent());

      assertThat(pages).isGreaterThanOrEqualTo(2);
      assertThat(seen).doesNotHaveDuplicates().containsAll(expected);
    }

    @Test
    void aProjectKnownOnlyByItsSeededBuildsIsListed() {
      Build seeded = seeded(BuildPhaseType.INSTALL);

      JsonNode answer = ok(call(server.endpoint(), "ListBuildsForProject",
          json("{'projectName': '" + seeded.projectName().orElseThrow() + "'}"))).json();

      assertThat(answer.get("ids")).extracting(JsonNode::asText).containsExactly(seeded.id().orElseThrow());
    }

    @Test
    void anUnknownProjectIsResourceNotFound() {
      Reply reply = refused(() -> call(server.endpoint(), "ListBuildsForProject",
          json("{'projectName': 'no-such-project'}")), 400, "ResourceNotFoundException");

      assertThat(reply.message()).contains("no-such-project");
    }

    @Test
    void aSortOrderOutsideTheEnumIsInvalidInput() {
      Reply reply = refused(() -> call(server.endpoint(), "ListBuilds", json("{'sortOrder': 'SIDEWAYS'}")), 400,
          "InvalidInputException");

      assertThat(reply.message()).isEqualTo("1 validation error detected: Value 'SIDEWAYS' at 'sortOrder' failed to"
          + " satisfy constraint: Member must satisfy enum value set: [ASCENDING, DESCENDING]");
    }

    @Test
    void aTokenTheServerDidNotMakeIsInvalidInput() {
      Reply reply = refused(() -> call(server.endpoint(), "ListBuilds", json("{'nextToken': 'not-a-token!'}")), 400,
          "InvalidInputException");

      assertThat(reply.message()).isEqualTo("The value of nextToken is not valid");
    }
  }

  @Nested
  @DisplayName("StopBuild")
  class StoppingBuilds {

    @Test
    void stopsARunningBuildAsTheStopRulesSay() {
      Build running = seeded(BuildPhaseType.BUILD);

      Reply reply = ok(call(server.endpoint(), "StopBuild", json("{'id': '" + running.id().orElseThrow() + "'}")));

      Build stopped = WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get();
      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(stopped).isEqualTo(StopRules.stopRunning(running, stopped.endTime().orElseThrow()));
      assertThat(server.backend().build(BuildId.parse(running.id().orElseThrow()).get())).contains(stopped);
    }

    @Test
    void stoppingACompletedBuildAnswersItUnchanged() {
      Build running = seeded(BuildPhaseType.POST_BUILD);
      Build failed = server.backend().complete(running.id().orElseThrow(), StatusType.FAILED).get();

      Reply reply = ok(call(server.endpoint(), "StopBuild", json("{'id': '" + failed.arn().orElseThrow() + "'}")));

      assertThat(WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get()).isEqualTo(failed);
    }

    @Test
    void anUnknownBuildIsResourceNotFound() {
      Build bystander = seeded(BuildPhaseType.BUILD);
      String unknown = "nobody-s-project:" + UUID.randomUUID();

      Reply reply = call(server.endpoint(), "StopBuild", json("{'id': '" + unknown + "'}"));

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.type()).isEqualTo("ResourceNotFoundException");
      assertThat(reply.message()).isEqualTo("Build " + unknown + " not found");
      assertThat(server.backend().build(BuildId.parse(bystander.id().orElseThrow()).get())).contains(bystander);
    }

    @Test
    void anIdThatCannotBeABuildIdIsInvalidInputFromThePort() {
      Set<Build> before = new HashSet<>(server.backend().builds());

      Reply reply = call(server.endpoint(), "StopBuild", json("{'id': 'arn:aws:s3:::my-bucket'}"));

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.type()).isEqualTo("InvalidInputException");
      assertThat(reply.message()).startsWith("The input value that was provided is not valid: the ARN is not a"
          + " CodeBuild build ARN");
      assertThat(new HashSet<>(server.backend().builds())).isEqualTo(before);
    }

    static Stream<Arguments> badIdMembers() {
      return Stream.of(
          Arguments.of("{}", "Value null at 'id' failed to satisfy constraint: Member must not be null"),
          Arguments.of("{'id': null}", "Value null at 'id' failed to satisfy constraint: Member must not be null"),
          Arguments.of("{'id': ''}",
              "Value '' at 'id' failed to satisfy constraint: Member must have length greater than or equal to 1"),
          Arguments.of("{'id': 5}", "Value at 'id' failed to satisfy constraint: Member must be a string, not a number"),
          Arguments.of("{'id': ['p:1']}",
              "Value at 'id' failed to satisfy constraint: Member must be a string, not a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIdMembers")
    void aMissingEmptyOrMistypedIdIsInvalidInputBeforeThePort(String body, String expected) {
      Reply reply = refused(() -> call(server.endpoint(), "StopBuild", json(body)), 400, "InvalidInputException");

      assertThat(reply.message()).isEqualTo("1 validation error detected: " + expected);
    }

    @Test
    void theBackendsFailuresAreCodeBuildsErrorsAndOnlyAnUnavailableBackendIsA5xx() {
      Build running = seeded(BuildPhaseType.BUILD);
      String body = json("{'id': '" + running.id().orElseThrow() + "'}");
      InMemoryCodeBuild backend = server.backend();
      try {
        backend.failNextCalls(1, new StopFailure.Throttled("Rate exceeded"));
        Reply throttled = call(server.endpoint(), "StopBuild", body);
        backend.failNextCalls(1, new StopFailure.AccessDenied("AccessDeniedException", "not allowed"));
        Reply denied = call(server.endpoint(), "StopBuild", body);
        backend.failNextCalls(1, new StopFailure.Unavailable("the backend is down", Optional.empty()));
        Reply unavailable = call(server.endpoint(), "StopBuild", body);

        assertThat(List.of(throttled.status(), throttled.type(), throttled.message()))
            .containsExactly(400, "ThrottlingException", "Rate exceeded");
        assertThat(List.of(denied.status(), denied.type(), denied.message()))
            .containsExactly(400, "AccessDeniedException", "not allowed");
        assertThat(List.of(unavailable.status(), unavailable.type(), unavailable.message()))
            .containsExactly(500, "InternalFailure", "the backend is down");
        assertThat(backend.build(BuildId.parse(running.id().orElseThrow()).get())).contains(running);
      } finally {
        backend.failNextCalls(0, new StopFailure.Throttled("disarmed"));
      }
    }
  }

  @Nested
  @DisplayName("the protocol's checks, in order")
  class ProtocolChecks {

    @Test
    void aMethodOtherThanPostIsRefusedWithAllowPost() {
      Reply reply = refused(() -> RawHttp.send(RawHttp.request(server.endpoint(), "StopBuild").GET().build()), 405,
          "UnknownOperationException");

      assertThat(reply.header("Allow")).isEqualTo("POST");
    }

    @Test
    void aPathOtherThanTheRootIsNotFound() {
      refused(() -> RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/builds"))
          .header("X-Amz-Target", "CodeBuild_20161006.StopBuild").header("Content-Type", RawHttp.AMZ_JSON)
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"p:1\"}")).build()), 404, "UnknownOperationException");
    }

    @Test
    void aMissingTargetIsUnknownOperation() {
      Reply reply = refused(() -> RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
          .header("Content-Type", RawHttp.AMZ_JSON).POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 400,
          "UnknownOperationException");

      assertThat(reply.message()).contains("X-Amz-Target: CodeBuild_20161006.<Operation>");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DeleteReportGroup", "stopBuild", "StopBuilds"})
    void anOperationThisServerDoesNotAnswerIsUnknownOperation(String operation) {
      Reply reply = refused(() -> call(server.endpoint(), operation, "{}"), 400, "UnknownOperationException");

      assertThat(reply.message()).contains("StopBuild").contains("CreateProject");
    }

    @Test
    void anotherServicesTargetIsUnknownOperation() {
      refused(() -> RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
          .header("X-Amz-Target", "DynamoDB_20120810.ListTables").header("Content-Type", RawHttp.AMZ_JSON)
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 400, "UnknownOperationException");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/x-amz-json-1.0"})
    void aContentTypeOtherThanJsonIsRefused(String contentType) {
      Reply reply = refused(() -> RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
          .header("X-Amz-Target", "CodeBuild_20161006.StopBuild").header("Content-Type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"p:1\"}")).build()), 400, "UnknownOperationException");

      assertThat(reply.message()).contains("Content-Type").contains(RawHttp.AMZ_JSON);
    }

    @Test
    void plainJsonAndACharsetAreAccepted() {
      Build running = seeded(BuildPhaseType.QUEUED);

      Reply plain = RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
          .header("X-Amz-Target", "CodeBuild_20161006.BatchGetBuilds").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"ids\": [\"" + running.id().orElseThrow() + "\"]}")).build());
      Reply withCharset = RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
          .header("X-Amz-Target", "CodeBuild_20161006.ListBuilds")
          .header("Content-Type", "application/x-amz-json-1.1; charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

      assertThat(ok(plain).json().at("/builds/0/id").asText()).isEqualTo(running.id().orElseThrow());
      ok(withCharset);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "{\"id\": ", "[\"p:1\"]", "\"p:1\"", "null", "{\"id\": \"a:b\"} trailing",
        "{\"id\": \"a:b\", \"id\": \"c:d\"}"})
    void aBodyThatIsNotOneJsonObjectIsASerializationException(String body) {
      Reply reply = refused(() -> call(server.endpoint(), "StopBuild", body), 400, "SerializationException");

      assertThat(reply.message()).doesNotContain("a:b").doesNotContain("not json");
    }

    @Test
    void anEmptyBodyReadsAsAnEmptyObject() {
      ok(call(server.endpoint(), "ListBuilds", ""));
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() {
      try (CodeBuildServer small = CodeBuildServer.builder().backend(server.backend()).maxRequestBytes(1024).start()) {
        String big = "{\"id\": \"" + "x".repeat(2000) + "\"}";

        Reply declared = refused(() -> call(small.endpoint(), "StopBuild", big), 413,
            "RequestEntityTooLargeException");
        Reply chunked = refused(() -> RawHttp.send(RawHttp.request(small.endpoint(), "StopBuild")
            .POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build()), 413,
            "RequestEntityTooLargeException");
        Reply withinTheLimit = call(small.endpoint(), "ListBuilds", "{}");

        assertThat(declared.message()).contains("1024 bytes");
        assertThat(chunked.message()).contains("1024 bytes");
        assertThat(withinTheLimit.status()).isEqualTo(200);
      }
    }

    @Test
    void aHugeDeclaredBodyIsRefusedBeforeItIsSent() throws IOException {
      try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: CodeBuild_20161006.StopBuild\r\n"
            + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 1000000000\r\n\r\n{\"id\"")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();

        String answer = readHead(socket.getInputStream());

        assertThat(answer).startsWith("HTTP/1.1 413 ");
      }
    }

    @Test
    void oneConnectionCarriesManyRequests() throws IOException {
      try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
        socket.setSoTimeout(5000);
        String body = "{\"id\": \"p-x:1a\"}";
        String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: CodeBuild_20161006.StopBuild\r\n"
            + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        for (int i = 0; i < 3; i++) {
          socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          String head = readHead(socket.getInputStream());
          assertThat(head).startsWith("HTTP/1.1 400 ");
          int length = Integer.parseInt(head.replaceAll("(?s).*[Cc]ontent-[Ll]ength: (\\d+).*", "$1"));
          assertThat(new String(socket.getInputStream().readNBytes(length), StandardCharsets.UTF_8))
              .contains("ResourceNotFoundException");
        }
      }
    }

    private String readHead(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int next = in.read();
        if (next < 0) {
          break;
        }
        head.append((char) next);
      }
      return head.toString();
    }
  }
}
