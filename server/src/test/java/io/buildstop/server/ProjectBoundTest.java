package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.server.RawHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.AccountLimitExceededException;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;

/**
 * CreateProject on a server holding its most projects (issue 17.1: a bounded store, of projects too): refused as
 * CodeBuild refuses a project over its quota, 400 {@code AccountLimitExceededException}, and nothing stored.
 */
@DisplayName("the bound on projects")
class ProjectBoundTest {

  @Test
  void createProjectBeyondMaxProjectsIsRefusedAndStoresNothing() {
    try (CodeBuildServer server = CodeBuildServer.builder().maxProjects(3).start()) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        names.add(Projects.freshName());
        assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(names.get(i))).status()).isEqualTo(200);
      }
      String oneTooMany = Projects.freshName();

      Reply refused = call(server.endpoint(), "CreateProject", Projects.minimal(oneTooMany));
      Reply again = call(server.endpoint(), "CreateProject", Projects.minimal(names.get(0)));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
      assertThat(refused.type()).isEqualTo("AccountLimitExceededException");
      assertThat(refused.message()).contains("3 build projects");
      Reply found = call(server.endpoint(), "BatchGetProjects", json("{'names': ['" + oneTooMany + "']}"));
      assertThat(found.json().get("projectsNotFound").get(0).asText()).isEqualTo(oneTooMany);
      assertThat(call(server.endpoint(), "StartBuild", json("{'projectName': '" + oneTooMany + "'}")).type())
          .isEqualTo("ResourceNotFoundException");
      // a name in use is still that, at the bound
      assertThat(again.type()).isEqualTo("ResourceAlreadyExistsException");
      assertThat(server.createProject(names.get(1))).isFalse();
      assertThatThrownBy(() -> server.createProject(Projects.freshName()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("3 build projects");
    }
  }

  @Test
  void aResetMakesRoomAgain() {
    try (CodeBuildServer server = CodeBuildServer.builder().maxProjects(1).start()) {
      assertThat(server.createProject("first-project")).isTrue();
      assertThat(call(server.endpoint(), "CreateProject", Projects.minimal("second-project")).status()).isEqualTo(400);

      server.reset();

      assertThat(call(server.endpoint(), "CreateProject", Projects.minimal("second-project")).status()).isEqualTo(200);
    }
  }

  @Test
  void theAwsSdkReadsTheRefusalAsItsTypedException() {
    try (CodeBuildServer server = CodeBuildServer.builder().maxProjects(1).start();
        CodeBuildClient client = SdkClients.client(server.endpoint())) {
      assertThat(server.createProject("the-only-project")).isTrue();

      assertThatThrownBy(() -> client.createProject(r -> r.name("one-project-too-many")
          .serviceRole("arn:aws:iam::123456789012:role/service-role/my-role")
          .source(s -> s.type(SourceType.S3).location("my-input-bucket/source.zip"))
          .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
          .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
              .computeType(ComputeType.BUILD_GENERAL1_SMALL))))
          .isInstanceOf(AccountLimitExceededException.class)
          .satisfies(e -> assertThat(((AccountLimitExceededException) e).statusCode()).isEqualTo(400));
    }
  }

  @Test
  void theBoundIsAtLeastOne() {
    assertThatThrownBy(() -> CodeBuildServer.builder().maxProjects(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxProjects must be at least 1");
  }
}
