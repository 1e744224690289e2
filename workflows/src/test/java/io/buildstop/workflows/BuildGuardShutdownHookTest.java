package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.Test;

/** The guard's shutdown hook, registered and removed for real, run by hand: the JVM is never shut down here. */
class BuildGuardShutdownHookTest {
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
  private final Build running = codeBuild.startBuild("guarded").get();
  private final BuildId id = BuildId.parse(running.id().orElseThrow()).get();
  private final BuildGuard guard = StopOnCancellation.guard(codeBuild, codeBuild, id);

  @Test
  void stopOnShutdownRegistersOneHookThatCloseRemoves() {
    guard.stopOnShutdown().stopOnShutdown();
    Thread hook = guard.shutdownHook().orElseThrow();

    assertThatThrownBy(() -> Runtime.getRuntime().addShutdownHook(hook))
        .as("the hook is registered").hasMessageContaining("previously registered");
    guard.close();

    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("close removed the hook").isFalse();
    assertThat(guard.shutdownHook()).isEmpty();
  }

  @Test
  void theHookStopsARunningBuild() {
    guard.stopOnShutdown();
    Thread hook = guard.shutdownHook().orElseThrow();

    hook.run();

    assertThat(stored().buildStatus()).contains(StatusType.STOPPED);
    assertThat(guard.outcome()).contains(new Outcome.Stopped<>(stored()));
    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
  }

  @Test
  void disarmRemovesTheHookAndLeavesTheBuild() {
    guard.stopOnShutdown();
    Thread hook = guard.shutdownHook().orElseThrow();

    guard.disarm();
    guard.close();

    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
    assertThat(stored()).isEqualTo(running);
    assertThat(guard.outcome()).isEmpty();
  }

  @Test
  void aClosedGuardRegistersNoHook() {
    guard.close();

    guard.stopOnShutdown();

    assertThat(guard.shutdownHook()).isEmpty();
  }

  @Test
  void anInterruptedJobStillStopsItsBuildAndStaysInterrupted() {
    Thread.currentThread().interrupt();

    guard.close();

    assertThat(Thread.interrupted()).as("still interrupted (and cleared here)").isTrue();
    assertThat(stored().buildStatus()).contains(StatusType.STOPPED);
  }

  @Test
  void anUnknownBuildIsNotFound() {
    BuildGuard unknown = StopOnCancellation.guard(codeBuild, codeBuild,
        BuildId.parse("guarded:no-such-build").get());

    unknown.close();

    assertThat(unknown.outcome().orElseThrow().code()).isEqualTo(Outcome.Code.NOT_FOUND);
    assertThat(codeBuild.stopCalls()).isEmpty();
  }

  private Build stored() {
    return codeBuild.build(id).orElseThrow();
  }
}
