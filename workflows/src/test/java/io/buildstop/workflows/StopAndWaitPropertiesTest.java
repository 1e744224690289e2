package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.buildstop.workflows.contract.FakeTime;
import io.buildstop.workflows.contract.SettlingLater;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stop-and-wait returns within its deadline, whatever the backoff and however late the backend settles. */
class StopAndWaitPropertiesTest {

  @Test
  void returnsWithinItsDeadlineAndOnlyWithACompleteBuild() {
    Property.tries(500).forAll(
        Gens.ints(0, 30), Gens.longs(0, 120_000), Gens.longs(0, 5_000), Gens.longs(0, 20_000), Gens.doubles(1, 4), Gens.doubles(0, 1), Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE),
        (staleReads, timeoutMillis, initialMillis, extraMaxMillis, multiplier, jitter, seed) -> {
      FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
      InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
      Build running = codeBuild.startBuild("prop-project").get();
      SettlingLater backend = new SettlingLater(codeBuild, codeBuild, staleReads);
      Backoff backoff = new Backoff(Duration.ofMillis(initialMillis), Duration.ofMillis(initialMillis + extraMaxMillis),
          multiplier, jitter);
      Duration timeout = Duration.ofMillis(timeoutMillis);
      Instant start = time.instant();

      Either<StopAndWaitFailure<Build>, Build> result = StopAndWait.with(backend, backend).clock(time).sleeper(time)
          .backoff(backoff).random(new SplittableRandom(seed)).timeout(timeout).run(running.id().orElseThrow());

      assertThat(time.totalSlept()).isLessThanOrEqualTo(timeout);
      assertThat(Duration.between(start, time.instant())).isLessThanOrEqualTo(timeout);
      if (result.isRight()) {
        assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
        assertThat(result.get().buildComplete()).contains(true);
        assertThat(backend.reads()).isEqualTo(staleReads + 1);
      } else {
        assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.STILL_RUNNING_AT_DEADLINE);
        assertThat(backend.reads()).isLessThanOrEqualTo(staleReads);
      }
    });
  }
}
