package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("an Error in the server's threads closes it and is visible to the caller")
class FatalErrorTest {

  @Test
  void anOutOfMemoryErrorWhileAnsweringClosesTheServerTellsTheListenerAndFailsClose() throws Exception {
    FailingClock clock = new FailingClock();
    List<Error> heard = new CopyOnWriteArrayList<>();
    CodeBuildServer server = CodeBuildServer.builder().clock(clock).onFatalError(heard::add).start();
    String id = server.backend().startBuild(Projects.freshName()).get().id().orElseThrow();
    int port = server.port();
    clock.arm(() -> new OutOfMemoryError("simulated: Java heap space"));

    // the stop reads the clock; what the client gets is beside the point: the server must not hang
    catchThrowable(() -> RawHttp.call(server.endpoint(), "StopBuild", "{\"id\": \"" + id + "\"}"));

    awaitClosed(port);
    assertThat(server.failure()).isPresent();
    assertThat(server.failure().get()).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated: Java heap space");
    awaitHeard(heard);
    assertThat(heard).singleElement().isSameAs(server.failure().get());
    assertThatThrownBy(server::close).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the CodeBuild server stopped on a fatal error: java.lang.OutOfMemoryError")
        .cause().isSameAs(server.failure().get());
  }

  @Test
  void aRuntimeExceptionIsNoFatalErrorAndTheServerAnswersOn() {
    FailingClock clock = new FailingClock();
    try (CodeBuildServer server = CodeBuildServer.builder().clock(clock).start()) {
      String id = server.backend().startBuild(Projects.freshName()).get().id().orElseThrow();
      clock.arm(() -> new IllegalStateException("simulated: a bug"));

      int status = RawHttp.call(server.endpoint(), "StopBuild", "{\"id\": \"" + id + "\"}").status();
      clock.arm(null);

      assertThat(status).isNotEqualTo(200);
      assertThat(RawHttp.call(server.endpoint(), "StopBuild", "{\"id\": \"" + id + "\"}").status()).isEqualTo(200);
      assertThat(server.failure()).isEmpty();
    }
  }

  private static void awaitClosed(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try {
        new Socket("127.0.0.1", port).close();
      } catch (IOException refused) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the server still accepted connections 10 s after the Error");
  }

  private static void awaitHeard(List<Error> heard) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (heard.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
