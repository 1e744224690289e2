package io.buildstop.junit5.samples;

import io.buildstop.junit5.CodeBuildTest;
import io.buildstop.junit5.ExpectCalls;
import io.buildstop.junit5.SeedBuild;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** Strict calls: the tests named {@code fails...} must fail, the others pass. */
@CodeBuildTest(failOnUnexpectedCalls = true)
@SeedBuild(project = "allowed")
@SeedBuild(project = "other")
public class StrictSample {

  @Test
  @ExpectCalls(operations = "BatchGetBuilds", stops = "allowed")
  void passesStoppingADeclaredBuild(CodeBuildClient client, InMemoryCodeBuild codeBuild) {
    client.stopBuild(request -> request.id(idOf(codeBuild, "allowed")));
    client.batchGetBuilds(request -> request.ids(idOf(codeBuild, "allowed")));
  }

  @Test
  @ExpectCalls(stops = "allowed")
  void failsStoppingAnUndeclaredBuild(CodeBuildClient client, InMemoryCodeBuild codeBuild) {
    client.stopBuild(request -> request.id(idOf(codeBuild, "other")));
  }

  @Test
  @ExpectCalls(operations = "StopBuild")
  void failsCallingAnUndeclaredOperation(CodeBuildClient client) {
    client.listBuilds();
  }

  @Test
  void passesCallingNothingWithoutADeclaration(InMemoryCodeBuild codeBuild) {
    codeBuild.builds();
  }

  @Test
  void failsStoppingInProcessWithoutADeclaration(InMemoryCodeBuild codeBuild) {
    codeBuild.stopBuild(idOf(codeBuild, "other"));
  }

  private static String idOf(InMemoryCodeBuild codeBuild, String project) {
    return codeBuild.builds().stream().filter(build -> build.projectName().orElseThrow().equals(project))
        .findFirst().orElseThrow().id().orElseThrow();
  }
}
