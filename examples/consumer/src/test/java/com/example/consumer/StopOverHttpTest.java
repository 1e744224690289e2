package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.junit5.CodeBuildTest;
import io.buildstop.junit5.SeedBuild;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** A user's test: one annotation, an AWS SDK client injected, a build stopped over HTTP. */
@CodeBuildTest
@SeedBuild(project = "deploy")
class StopOverHttpTest {

  @Test
  void theInjectedClientStopsTheRunningBuild(CodeBuildClient codeBuild, InMemoryCodeBuild backend) {
    String id = codeBuild.listBuildsForProject(request -> request.projectName("deploy")).ids().get(0);

    codeBuild.stopBuild(request -> request.id(id));

    assertThat(codeBuild.batchGetBuilds(request -> request.ids(id)).builds().get(0).buildStatus())
        .isEqualTo(StatusType.STOPPED);
    assertThat(backend.stopCalls()).hasSize(1);
  }

  @Test
  void eachTestStartsFromTheSeededBuildAlone(CodeBuildClient codeBuild) {
    assertThat(codeBuild.listBuilds().ids()).hasSize(1);
    assertThat(codeBuild.batchGetBuilds(request -> request.ids(codeBuild.listBuilds().ids())).builds().get(0)
        .buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
  }

  @Nested
  class InANestedClass {
    @Test
    void theSameEndpointServesTheNestedTests(CodeBuildClient codeBuild) {
      assertThat(codeBuild.listBuildsForProject(request -> request.projectName("deploy")).ids()).hasSize(1);
    }
  }
}
