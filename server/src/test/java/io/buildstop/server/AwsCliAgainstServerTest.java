package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI ({@code aws}, botocore) against the server, as a user runs it: it signs every request, parses every
 * answer, and prints CodeBuild's errors with its own exit code. The CLI is required: without it this test fails
 * and says how to install it.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
class AwsCliAgainstServerTest {
  private static final String INSTALL_HINT = "The AWS CLI ('aws') is required on the PATH for this test. Install it"
      + " with 'pip install awscli' (version 1) or from"
      + " https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html (version 2).";

  @TempDir
  static Path home;

  private static CodeBuildServer open;
  private static CodeBuildServer signed;

  @BeforeAll
  static void startTheServers() {
    requireTheCli();
    open = CodeBuildServer.start(InMemoryCodeBuild.create());
    signed = CodeBuildServer.builder().credentials("x", "x").start();
  }

  @AfterAll
  static void stopTheServers() {
    if (open != null) {
      open.close();
    }
    if (signed != null) {
      signed.close();
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {
    JsonNode json() {
      try {
        return RawHttp.JSON.readTree(stdout);
      } catch (IOException e) {
        throw new UncheckedIOException("the CLI printed what is not JSON: " + stdout + "\n" + stderr, e);
      }
    }
  }

  private static void requireTheCli() {
    try {
      Process version = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
      if (!version.waitFor(60, TimeUnit.SECONDS) || version.exitValue() != 0) {
        fail(INSTALL_HINT + " 'aws --version' did not succeed: "
            + new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      fail(INSTALL_HINT + " (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while looking for the AWS CLI");
    }
  }

  /** {@code aws --endpoint-url <server> codebuild <args>} with these keys, no profile, one attempt. */
  private static Result aws(URI endpoint, String accessKeyId, String secretAccessKey, String... args) {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(), "--output", "json",
        "codebuild"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", accessKeyId);
    env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    env.put("AWS_MAX_ATTEMPTS", "1");
    try {
      Path out = Files.createTempFile(home, "stdout", ".txt");
      Path err = Files.createTempFile(home, "stderr", ".txt");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("the AWS CLI did not finish within 120 s: " + command);
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      fail(INSTALL_HINT + " (" + e.getMessage() + ")");
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Result ok(Result result) {
    assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isZero();
    return result;
  }

  @Test
  void theCliCreatesAProjectStartsABuildStopsItAndReadsItBackStopped() {
    String project = Projects.freshName();
    URI endpoint = open.endpoint();

    JsonNode created = ok(aws(endpoint, "x", "x", "create-project", "--name", project,
        "--source", "{\"type\": \"NO_SOURCE\", \"buildspec\": \"version: 0.2\"}",
        "--artifacts", "{\"type\": \"NO_ARTIFACTS\"}",
        "--environment", "{\"type\": \"LINUX_CONTAINER\", \"image\": \"aws/codebuild/standard:7.0\","
            + " \"computeType\": \"BUILD_GENERAL1_SMALL\"}",
        "--service-role", "arn:aws:iam::123456789012:role/my-role")).json();
    JsonNode started = ok(aws(endpoint, "x", "x", "start-build", "--project-name", project)).json();
    String id = started.at("/build/id").asText();
    JsonNode stopped = ok(aws(endpoint, "x", "x", "stop-build", "--id", id)).json();
    JsonNode readBack = ok(aws(endpoint, "x", "x", "batch-get-builds", "--ids", id, project + ":no-such-build"))
        .json();
    JsonNode listed = ok(aws(endpoint, "x", "x", "list-builds-for-project", "--project-name", project)).json();

    assertThat(created.at("/project/arn").asText()).endsWith(":project/" + project);
    assertThat(started.at("/build/buildStatus").asText()).isEqualTo("IN_PROGRESS");
    assertThat(started.at("/build/startTime").isMissingNode()).isFalse();
    assertThat(stopped.at("/build/buildStatus").asText()).isEqualTo("STOPPED");
    JsonNode build = readBack.at("/builds/0");
    assertThat(build.get("id").asText()).isEqualTo(id);
    assertThat(build.get("buildStatus").asText()).isEqualTo("STOPPED");
    assertThat(build.get("currentPhase").asText()).isEqualTo("COMPLETED");
    assertThat(build.get("buildComplete").asBoolean()).isTrue();
    assertThat(readBack.get("buildsNotFound")).extracting(JsonNode::asText)
        .containsExactly(project + ":no-such-build");
    assertThat(listed.get("ids")).extracting(JsonNode::asText).containsExactly(id);
  }

  @Test
  void theCliStartsStopsRetriesAndDeletesABatch() {
    String project = Projects.freshName();
    URI endpoint = open.endpoint();
    ok(aws(endpoint, "x", "x", "create-project", "--name", project,
        "--source", "{\"type\": \"NO_SOURCE\", \"buildspec\": \"version: 0.2\\nbatch:\\n  build-list:\\n"
            + "    - identifier: only\\n\"}",
        "--artifacts", "{\"type\": \"NO_ARTIFACTS\"}",
        "--environment", "{\"type\": \"LINUX_CONTAINER\", \"image\": \"aws/codebuild/standard:7.0\","
            + " \"computeType\": \"BUILD_GENERAL1_SMALL\"}",
        "--service-role", "arn:aws:iam::123456789012:role/my-role"));
    String id = ok(aws(endpoint, "x", "x", "start-build-batch", "--project-name", project)).json()
        .at("/buildBatch/id").asText();
    ok(aws(endpoint, "x", "x", "stop-build-batch", "--id", id));

    JsonNode retried = ok(aws(endpoint, "x", "x", "retry-build-batch", "--id", id,
        "--retry-type", "RETRY_ALL_BUILDS")).json();
    Result running = aws(endpoint, "x", "x", "retry-build-batch", "--id", id);
    ok(aws(endpoint, "x", "x", "stop-build-batch", "--id", id));
    JsonNode deleted = ok(aws(endpoint, "x", "x", "delete-build-batch", "--id", id)).json();
    JsonNode readBack = ok(aws(endpoint, "x", "x", "batch-get-build-batches", "--ids", id)).json();

    assertThat(retried.at("/buildBatch/id").asText()).isEqualTo(id);
    assertThat(retried.at("/buildBatch/buildBatchStatus").asText()).isEqualTo("IN_PROGRESS");
    assertThat(retried.at("/buildBatch/currentPhase").asText()).isEqualTo("SUBMITTED");
    assertThat(running.exitCode()).isIn(254, 255);
    assertThat(running.stderr()).contains("InvalidInputException")
        .contains("Only batch builds that have failed can be retried");
    assertThat(deleted.get("statusCode").asText()).isEqualTo("BATCH_DELETED");
    assertThat(deleted.get("buildsNotDeleted")).isEmpty();
    assertThat(readBack.get("buildBatchesNotFound")).extracting(JsonNode::asText).containsExactly(id);
  }

  @Test
  void theCliRetriesABuildListsUpdatesAndDeletesProjectsAndDeletesBuilds() {
    String project = Projects.freshName();
    URI endpoint = open.endpoint();
    ok(aws(endpoint, "x", "x", "create-project", "--name", project,
        "--source", "{\"type\": \"NO_SOURCE\", \"buildspec\": \"version: 0.2\"}",
        "--artifacts", "{\"type\": \"NO_ARTIFACTS\"}",
        "--environment", "{\"type\": \"LINUX_CONTAINER\", \"image\": \"aws/codebuild/standard:7.0\","
            + " \"computeType\": \"BUILD_GENERAL1_SMALL\"}",
        "--service-role", "arn:aws:iam::123456789012:role/my-role"));
    String id = ok(aws(endpoint, "x", "x", "start-build", "--project-name", project)).json()
        .at("/build/id").asText();
    ok(aws(endpoint, "x", "x", "stop-build", "--id", id));

    JsonNode retried = ok(aws(endpoint, "x", "x", "retry-build", "--id", id)).json();
    String retryId = retried.at("/build/id").asText();
    Result running = aws(endpoint, "x", "x", "retry-build", "--id", retryId);
    JsonNode listed = ok(aws(endpoint, "x", "x", "list-projects", "--sort-by", "NAME", "--sort-order",
        "DESCENDING")).json();
    JsonNode updated = ok(aws(endpoint, "x", "x", "update-project", "--name", project,
        "--description", "retried")).json();
    JsonNode deleted = ok(aws(endpoint, "x", "x", "batch-delete-builds", "--ids", id, retryId)).json();
    ok(aws(endpoint, "x", "x", "delete-project", "--name", project));
    JsonNode afterDelete = ok(aws(endpoint, "x", "x", "list-projects")).json();

    assertThat(retryId).startsWith(project + ":").isNotEqualTo(id);
    assertThat(retried.at("/build/buildStatus").asText()).isEqualTo("IN_PROGRESS");
    assertThat(retried.at("/build/currentPhase").asText()).isEqualTo("QUEUED");
    assertThat(retried.at("/build/buildNumber").asLong()).isEqualTo(2);
    assertThat(retried.at("/build/source/type").asText()).isEqualTo("NO_SOURCE");
    assertThat(running.exitCode()).isIn(254, 255);
    assertThat(running.stderr()).contains("InvalidInputException").contains("still in progress");
    List<String> names = new ArrayList<>();
    listed.get("projects").forEach(name -> names.add(name.asText()));
    assertThat(names).contains(project).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(updated.at("/project/description").asText()).isEqualTo("retried");
    assertThat(deleted.get("buildsDeleted")).extracting(JsonNode::asText).singleElement()
        .satisfies(arn -> assertThat(arn).endsWith(":build/" + id));
    assertThat(deleted.at("/buildsNotDeleted/0/statusCode").asText()).isEqualTo("BUILD_IN_PROGRESS");
    assertThat(afterDelete.get("projects")).extracting(JsonNode::asText).doesNotContain(project);
  }

  @Test
  void theCliPrintsCodeBuildsErrorsWithItsServiceErrorExitCode() {
    Result result = aws(open.endpoint(), "x", "x", "stop-build", "--id", "nobody:1a2b");

    assertThat(result.exitCode()).isIn(254, 255);
    assertThat(result.stderr()).contains("ResourceNotFoundException").contains("Build nobody:1a2b not found");
  }

  @Test
  void theCliSigningWithTheConfiguredKeysIsAccepted() {
    Build running = signed.backend().startBuild(Projects.freshName()).get();

    JsonNode listed = ok(aws(signed.endpoint(), "x", "x", "list-builds")).json();
    JsonNode stopped = ok(aws(signed.endpoint(), "x", "x", "stop-build", "--id", running.id().orElseThrow())).json();

    assertThat(listed.get("ids")).extracting(JsonNode::asText).contains(running.id().orElseThrow());
    assertThat(stopped.at("/build/buildStatus").asText()).isEqualTo("STOPPED");
  }

  @Test
  void theCliWithAnAccessKeyTheServerDoesNotKnowIsRefusedAsUnrecognizedClient() {
    Build running = signed.backend().startBuild(Projects.freshName()).get();
    Set<Build> before = new HashSet<>(signed.backend().builds());

    Result result = aws(signed.endpoint(), "y", "x", "stop-build", "--id", running.id().orElseThrow());

    assertThat(result.exitCode()).isIn(254, 255);
    assertThat(result.stderr()).contains("UnrecognizedClientException")
        .contains("The security token included in the request is invalid.");
    assertThat(new HashSet<>(signed.backend().builds())).isEqualTo(before);
  }

  @Test
  void theCliWithTheWrongSecretIsRefusedAsInvalidSignature() {
    Build running = signed.backend().startBuild(Projects.freshName()).get();
    Set<Build> before = new HashSet<>(signed.backend().builds());

    Result result = aws(signed.endpoint(), "x", "not-x", "stop-build", "--id", running.id().orElseThrow());

    assertThat(result.exitCode()).isIn(254, 255);
    assertThat(result.stderr()).contains("InvalidSignatureException")
        .contains("The request signature we calculated does not match the signature you provided.");
    assertThat(new HashSet<>(signed.backend().builds())).isEqualTo(before);
  }
}
