package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** @Nested classes share their outer class's CodeBuild, with the outer seeds and the reset before each test. */
@CodeBuildTest
@SeedBuild(project = "outer")
class NestedClassesTest {
  static URI outerEndpoint;

  @BeforeAll
  static void remember(CodeBuildServer server) {
    outerEndpoint = server.endpoint();
  }

  @Test
  void theOuterClassHasItsSeeds(InMemoryCodeBuild codeBuild) {
    assertThat(codeBuild.builds()).hasSize(1);
    codeBuild.startBuild("left-by-outer");
  }

  @Nested
  @SeedBuild(project = "inner")
  class Inner {
    @Test
    void sharesTheOuterEndpointAndSeesOuterAndInnerSeedsAfterAReset(CodeBuildServer server,
        InMemoryCodeBuild codeBuild) {
      assertThat(server.endpoint()).isEqualTo(outerEndpoint);
      assertThat(codeBuild.builds()).extracting(build -> build.projectName().orElseThrow())
          .containsExactlyInAnyOrder("outer", "inner");
    }

    @Nested
    class Deeper {
      @Test
      void stillTheSameEndpoint(CodeBuildServer server) {
        assertThat(server.endpoint()).isEqualTo(outerEndpoint);
      }
    }
  }
}
