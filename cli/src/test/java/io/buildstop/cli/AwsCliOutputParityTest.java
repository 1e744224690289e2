package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.StubCodeBuild.Answer;
import io.buildstop.cli.internal.AwsCliJson;
import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.DemoCodeBuild;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.BatchGetBuildsResponse;
import io.buildstop.wire.WireCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * buildstop prints what the real AWS CLI prints, byte for byte: each test serves a response from a local endpoint,
 * runs {@code aws ... codebuild} against it, and compares its stdout with buildstop's. Needs {@code aws} on the PATH
 * and fails (never skips) without it.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
@DisplayName("buildstop's output is the AWS CLI's, byte for byte")
class AwsCliOutputParityTest {

  @Test
  @DisplayName("buildstop stop on the in-memory default prints what aws codebuild stop-build prints for that build")
  void theReadmeCommandPrintsWhatTheAwsCliPrints() throws Exception {
    Cli.Result ours = Cli.run("stop", "--id", DemoBuilds.RUNNING_IN_BUILD);
    Build stopped = stoppedDemoBuild(DemoBuilds.RUNNING_IN_BUILD);

    try (StubCodeBuild codeBuild = StubCodeBuild.answering(Answer.ok(WireCodec.STOP_BUILD_RESPONSE.encodeToString(stopped)))) {
      AwsCli.Result theirs = AwsCli.codebuild(codeBuild.url(), "stop-build", "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(theirs.err()).as("aws stderr").isEmpty();
      assertThat(theirs.exitCode()).isZero();
      assertThat(ours.exitCode()).isZero();
      assertSameBytes(ours.out(), theirs.out());
    }
  }

  @Test
  @DisplayName("buildstop stop --endpoint-url and aws --endpoint-url print the same for the captured response")
  void bothClientsOfOneEndpointPrintTheSame() throws Exception {
    try (StubCodeBuild codeBuild = StubCodeBuild.answering(Answer.ok(Fixtures.stopBuildCapture()))) {
      String id = DemoBuilds.RUNNING_IN_BUILD;
      Cli.Result ours = Cli.run("stop", "--endpoint-url", codeBuild.url(), "--id", id);
      AwsCli.Result theirs = AwsCli.codebuild(codeBuild.url(), "stop-build", "--id", id);

      assertThat(theirs.err()).as("aws stderr").isEmpty();
      assertThat(ours.exitCode()).as(ours.toString()).isZero();
      assertSameBytes(ours.out(), theirs.out());
    }
  }

  @Test
  @DisplayName("every member, every escape, every kind of number prints as the AWS CLI prints it")
  void everyMemberAndValuePrintsAsTheAwsCliPrintsIt() throws Exception {
    List<Build> builds = new ArrayList<>();
    builds.add(EveryMemberBuild.build());
    builds.addAll(DemoBuilds.all(Cli.CAPTURE_STOP));
    for (String fixture : List.of("awscli-example-batch-get-builds.json")) {
      builds.addAll(WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(Fixtures.read(fixture)).get().builds());
    }
    for (String fixture : List.of("awscli-example-stop-build.json", "awscli-example-start-build.json",
        "awscli-example-retry-build.json")) {
      builds.add(WireCodec.STOP_BUILD_RESPONSE.decode(Fixtures.read(fixture)).get());
    }
    String response = WireCodec.BATCH_GET_BUILDS_RESPONSE.encodeToString(
        BatchGetBuildsResponse.of(builds, List.of("my-demo-project:not-there")));

    try (StubCodeBuild codeBuild = StubCodeBuild.answering(Answer.ok(response))) {
      AwsCli.Result theirs = AwsCli.codebuild(codeBuild.url(), "batch-get-builds", "--ids", "x:y");

      assertThat(theirs.err()).as("aws stderr").isEmpty();
      assertSameBytes(AwsCliJson.print(response), theirs.out());
    }
  }

  private static Build stoppedDemoBuild(String id) {
    InMemoryCodeBuild codeBuild = DemoCodeBuild.seed(
        InMemoryCodeBuild.builder().clock(Cli.AT_CAPTURE_STOP.clock()).build(), Cli.CAPTURE_STOP).get();
    return codeBuild.stopBuild(id).get();
  }

  // compared as lines first, so a failure shows where the two differ, then as bytes
  private static void assertSameBytes(String ours, String theirs) {
    assertThat(ours.lines().toList()).as("buildstop's lines against the AWS CLI's")
        .containsExactlyElementsOf(theirs.lines().toList());
    assertThat(ours.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .as("buildstop's bytes against the AWS CLI's")
        .isEqualTo(theirs.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
