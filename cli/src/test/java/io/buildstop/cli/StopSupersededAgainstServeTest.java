package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.ExitCodes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;

/**
 * The check, scripted as a user would run it: against {@code buildstop serve} with three builds of one
 * project and source version and one of another source version (and one of another project),
 * {@code buildstop stop-superseded --endpoint-url URL --project P --source-version V} stops exactly the two older
 * builds of that pair. The endpoint is seeded and read back through the AWS SDK, as a script would with the AWS CLI;
 * both commands run in-process, {@code serve} on a thread of its own.
 */
@DisplayName("buildstop stop-superseded against buildstop serve, scripted")
class StopSupersededAgainstServeTest {
  @Test
  void stopsExactlyTheTwoOlderBuildsOfTheProjectAndSourceVersion() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--port", "0");
        CodeBuildClient codeBuild = LocalCodeBuild.sdk(serve.endpoint())) {
      String url = serve.endpoint();
      LocalCodeBuild.createProject(codeBuild, "webapp");
      LocalCodeBuild.createProject(codeBuild, "backend");
      String oldest = startBuild(codeBuild, "webapp", "pr/42");
      String older = startBuild(codeBuild, "webapp", "pr/42");
      String otherVersion = startBuild(codeBuild, "webapp", "main");
      String newest = startBuild(codeBuild, "webapp", "pr/42");
      String otherProject = startBuild(codeBuild, "backend", "pr/42");
      List<String> all = List.of(oldest, older, otherVersion, newest, otherProject);

      Cli.Result dryRun = Cli.run(LocalCodeBuild.REAL_TIME, "stop-superseded", "--endpoint-url", url,
          "--project", "webapp", "--source-version", "pr/42", "--dry-run");

      assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
      assertThat(dryRun.out()).isEqualTo(StopSupersededCommandTest.report("", "", "", "",
          StopSupersededCommandTest.ids(older, oldest)));
      assertThat(statuses(codeBuild, all)).containsOnly(Map.entry(oldest, "IN_PROGRESS"),
          Map.entry(older, "IN_PROGRESS"), Map.entry(otherVersion, "IN_PROGRESS"), Map.entry(newest, "IN_PROGRESS"),
          Map.entry(otherProject, "IN_PROGRESS"));

      Cli.Result result = Cli.run(LocalCodeBuild.REAL_TIME, "stop-superseded", "--endpoint-url", url,
          "--project", "webapp", "--source-version", "pr/42");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
      assertThat(result.err()).isEmpty();
      assertThat(result.out()).isEqualTo(StopSupersededCommandTest.report(
          StopSupersededCommandTest.ids(older, oldest), "", "", "", ""));
      assertThat(statuses(codeBuild, all)).containsOnly(Map.entry(oldest, "STOPPED"), Map.entry(older, "STOPPED"),
          Map.entry(otherVersion, "IN_PROGRESS"), Map.entry(newest, "IN_PROGRESS"),
          Map.entry(otherProject, "IN_PROGRESS"));

      // again: nothing left to stop, and the stopped builds stay as they were
      Cli.Result again = Cli.run(LocalCodeBuild.REAL_TIME, "stop-superseded", "--endpoint-url", url,
          "--project", "webapp", "--source-version", "pr/42");
      assertThat(again.exitCode()).isZero();
      assertThat(again.out()).isEqualTo(StopSupersededCommandTest.report("", "", "", "", ""));
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  private static String startBuild(CodeBuildClient codeBuild, String project, String sourceVersion) {
    Build build = codeBuild.startBuild(request -> request.projectName(project).sourceVersion(sourceVersion)).build();
    assertThat(build.sourceVersion()).isEqualTo(sourceVersion);
    return build.id();
  }

  private static Map<String, String> statuses(CodeBuildClient codeBuild, List<String> ids) {
    return codeBuild.batchGetBuilds(request -> request.ids(ids)).builds().stream()
        .collect(Collectors.toMap(Build::id, Build::buildStatusAsString));
  }
}
