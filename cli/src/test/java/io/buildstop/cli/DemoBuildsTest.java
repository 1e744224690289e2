package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.domain.Build;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.wire.StopBuildResponseJson;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the demo builds")
class DemoBuildsTest {

  @Test
  void theFirstIsTheAwsExampleBuildBeforeItsStop() {
    Build captured = StopBuildResponseJson.decode(Fixtures.stopBuildCapture()).get();
    Build demo = DemoBuilds.all().get(0);

    assertThat(demo.id()).contains(DemoBuilds.RUNNING_IN_BUILD);
    assertThat(StopRules.stop(demo, Cli.CAPTURE_STOP)).isEqualTo(captured);
  }

  @Test
  void areRealBuildsWithFixedIds() {
    List<Build> builds = DemoBuilds.all();

    assertThat(builds).extracting(build -> build.id().orElseThrow()).containsExactly(
        DemoBuilds.RUNNING_IN_BUILD, DemoBuilds.RUNNING_IN_QUEUED, DemoBuilds.RUNNING_IN_POST_BUILD,
        DemoBuilds.SUCCEEDED, DemoBuilds.FAILED, DemoBuilds.OTHER_PROJECT_RUNNING);
    assertThat(builds).allSatisfy(build -> assertThat(BuildInvariants.violations(build)).isEmpty());
    assertThat(DemoBuilds.all()).isEqualTo(builds);
  }

  @Test
  void theCommandListsThemWithTheirStatusAndPhase() {
    Cli.Result result = Cli.run("demo-builds");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(""
        + "ID                                                     STATUS       PHASE\n"
        + "my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE   IN_PROGRESS  BUILD\n"
        + "my-demo-project:2b3c4d5e-6789-01ab-cdef-22222EXAMPLE   IN_PROGRESS  QUEUED\n"
        + "my-demo-project:3c4d5e6f-7890-12ab-cdef-33333EXAMPLE   IN_PROGRESS  POST_BUILD\n"
        + "my-demo-project:4d5e6f7a-8901-23ab-cdef-44444EXAMPLE   SUCCEEDED    COMPLETED\n"
        + "my-demo-project:5e6f7a8b-9012-34ab-cdef-55555EXAMPLE   FAILED       COMPLETED\n"
        + "my-other-project:6f7a8b9c-0123-45ab-cdef-66666EXAMPLE  IN_PROGRESS  PROVISIONING\n");
  }
}
