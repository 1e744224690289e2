package io.buildstop.junit5.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.StatusType;
import io.buildstop.junit5.CodeBuildTest;
import io.buildstop.junit5.SeedBuild;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The first test leaves builds, a project, an armed failure and calls behind; the second sees none of it. */
@CodeBuildTest
@SeedBuild(project = "seeded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ResetSample {
  /** The endpoint the first test saw. */
  public static final AtomicReference<URI> FIRST_ENDPOINT = new AtomicReference<>();

  @Test
  @Order(1)
  void leavesStateBehind(InMemoryCodeBuild codeBuild, CodeBuildServer server) {
    FIRST_ENDPOINT.set(server.endpoint());
    server.createProject("left-behind");
    String id = codeBuild.startBuild("left-behind").get().id().orElseThrow();
    codeBuild.stopBuild(id);
    codeBuild.failNextCalls(5, StopFailure.unavailable("armed by the first test"));
    assertThat(codeBuild.builds()).hasSize(2);
  }

  @Test
  @Order(2)
  void startsAfresh(InMemoryCodeBuild codeBuild, CodeBuildServer server) {
    assertThat(server.endpoint()).isEqualTo(FIRST_ENDPOINT.get());
    assertThat(codeBuild.builds()).singleElement()
        .satisfies(build -> assertThat(build.projectName()).contains("seeded"));
    assertThat(codeBuild.stopCalls()).isEmpty();
    assertThat(server.createProject("left-behind")).isTrue();
    String id = codeBuild.builds().get(0).id().orElseThrow();
    assertThat(codeBuild.stopBuild(id).get().buildStatus()).contains(StatusType.STOPPED);
  }
}
