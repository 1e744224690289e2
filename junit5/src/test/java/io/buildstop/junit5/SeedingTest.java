package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** @SeedBuild and @SeedProject: fixtures in an annotation, on the class for every test and on a method for one. */
@CodeBuildTest
@SeedProject("empty-project")
@SeedBuild(project = "deploy", count = 2)
class SeedingTest {

  @Test
  void classSeedsAreThereForEveryTest(InMemoryCodeBuild codeBuild, CodeBuildClient client) {
    assertThat(codeBuild.builds()).hasSize(2).allSatisfy(build -> {
      assertThat(build.projectName()).contains("deploy");
      assertThat(build.currentPhase()).contains(BuildPhaseType.BUILD);
    });
    assertThat(client.batchGetProjects(request -> request.names("empty-project", "deploy")).projects())
        .hasSize(2);
  }

  @Test
  @SeedBuild(project = "release", phase = BuildPhaseType.QUEUED)
  @SeedBuild(project = "release", status = StatusType.FAILED)
  void methodSeedsJoinTheClassSeeds(InMemoryCodeBuild codeBuild) {
    assertThat(codeBuild.builds()).hasSize(4);
    assertThat(codeBuild.builds()).filteredOn(build -> build.projectName().orElseThrow().equals("release"))
        .extracting(Build::buildStatus)
        .containsExactlyInAnyOrder(java.util.Optional.of(StatusType.IN_PROGRESS),
            java.util.Optional.of(StatusType.FAILED));
  }

  @Test
  @SeedProject("started-over-http")
  void aSeededProjectTakesStartBuildOverHttp(CodeBuildClient client) {
    assertThat(client.startBuild(request -> request.projectName("started-over-http")).build().buildNumber())
        .isEqualTo(1L);
  }
}
