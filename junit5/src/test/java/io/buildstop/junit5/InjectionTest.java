package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.BuildEventRecorder;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** What @CodeBuildTest injects: one CodeBuild behind every parameter, and clients that reach it over HTTP. */
@CodeBuildTest
class InjectionTest {

  @Test
  void thePortsTheBackendAndTheServerAreOneCodeBuild(InMemoryCodeBuild codeBuild, BuildStopper stopper,
      BuildReader reader, CodeBuildServer server, Clock clock) {
    assertThat(stopper).isSameAs(codeBuild);
    assertThat(reader).isSameAs(codeBuild);
    assertThat(server.backend()).isSameAs(codeBuild);
    assertThat(clock).isEqualTo(Clock.systemUTC());
  }

  @Test
  void theSyncClientStopsABuildOverHttpAndTheBackendSeesItStopped(CodeBuildClient client,
      InMemoryCodeBuild codeBuild) {
    String id = codeBuild.startBuildInPhase("injected", BuildPhaseType.BUILD).get().id().orElseThrow();

    String status = client.stopBuild(request -> request.id(id)).build().buildStatusAsString();

    assertThat(status).isEqualTo("STOPPED");
    assertThat(codeBuild.builds()).singleElement()
        .satisfies(build -> assertThat(build.buildStatus()).contains(StatusType.STOPPED));
  }

  @Test
  void theRecorderReceivesTheEventsOfAStopOverHttp(CodeBuildClient client, InMemoryCodeBuild codeBuild,
      BuildEventRecorder events) {
    Build running = codeBuild.startBuildInPhase("injected", BuildPhaseType.BUILD).get();

    client.stopBuild(request -> request.id(running.id().orElseThrow()));
    List<BuildEvent> stopped = events.awaitEvents(BuildEventRecorder.ofBuild(running.arn().orElseThrow())
        .and(event -> event instanceof BuildStateChange
            && ((BuildStateChange) event).detail().buildStatusAsString().equals(Optional.of("STOPPED"))),
        1, Duration.ofSeconds(10));

    assertThat(stopped).hasSize(1);
    assertThat(events.events(BuildEventRecorder.ofBuild(running.arn().orElseThrow())).get(0))
        .isInstanceOf(BuildStateChange.class);
  }

  @Test
  void theAsyncClientReachesTheSameEndpoint(CodeBuildAsyncClient client, InMemoryCodeBuild codeBuild) {
    String id = codeBuild.startBuild("injected").get().id().orElseThrow();

    assertThat(client.batchGetBuilds(request -> request.ids(id)).join().builds())
        .singleElement().satisfies(build -> assertThat(build.id()).isEqualTo(id));
  }

  @Test
  void theRuntimeNamesTheEndpointAndTheEnvironmentAnotherProcessNeeds(CodeBuildRuntime runtime,
      CodeBuildServer server) {
    assertThat(runtime.endpoint()).isEqualTo(server.endpoint());
    assertThat(runtime.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(runtime.environment())
        .containsEntry("AWS_ENDPOINT_URL_CODEBUILD", server.endpoint().toString())
        .containsEntry("AWS_ENDPOINT_URL", server.endpoint().toString())
        .containsEntry("AWS_ACCESS_KEY_ID", CodeBuildRuntime.DEFAULT_ACCESS_KEY_ID)
        .containsEntry("AWS_SECRET_ACCESS_KEY", CodeBuildRuntime.DEFAULT_SECRET_ACCESS_KEY)
        .containsEntry("AWS_REGION", "us-east-1")
        .containsEntry("AWS_DEFAULT_REGION", "us-east-1");
    assertThat(runtime.toString()).doesNotContain(CodeBuildRuntime.DEFAULT_SECRET_ACCESS_KEY);
  }

  @Test
  void theSameClientIsInjectedThroughoutTheClass(CodeBuildClient first, CodeBuildClient second) {
    assertThat(first).isSameAs(second);
  }
}
