package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The thread's own sleep: how a wake-up ends it early, and that it still sleeps without one. */
class SystemSleeperTest {

  @Test
  @Timeout(30)
  void aWakeUpEndsAnHourLongSleep() throws Exception {
    CompletableFuture<Void> wakeUp = new CompletableFuture<>();
    ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor();
    try {
      waker.schedule(() -> wakeUp.complete(null), 50, TimeUnit.MILLISECONDS);

      Sleeper.system().sleep(Duration.ofHours(1), wakeUp);

      assertThat(wakeUp).isDone();
    } finally {
      waker.shutdownNow();
    }
  }

  @Test
  @Timeout(30)
  void aFailedWakeUpEndsTheSleepToo() throws Exception {
    Sleeper.system().sleep(Duration.ofHours(1), CompletableFuture.failedFuture(new IllegalStateException("gone")));
  }

  @Test
  void withoutAWakeUpItSleepsTheWholeDuration() throws Exception {
    long before = System.nanoTime();

    Sleeper.system().sleep(Duration.ofMillis(200), new CompletableFuture<Void>());

    assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }
}
