package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The seeding API returns values, as the port does: a failing clock or a null argument throws nothing. */
class InMemorySeedingNeverThrowsTest {

  private final AtomicBoolean clockFails = new AtomicBoolean();
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      if (clockFails.get()) {
        throw new IllegalStateException("clock broken");
      }
      return Instant.parse("2026-11-25T10:00:00Z");
    }
  }).build();

  @Test
  void aFailingClockMakesEverySeedingCallUnavailableAndChangesNothing() {
    Build running = codeBuild.startBuild("seeded-project").get();
    clockFails.set(true);

    assertThat(codeBuild.startBuild("seeded-project").getLeft()).isInstanceOf(StopFailure.Unavailable.class);
    assertThat(codeBuild.advance(running.id().orElseThrow()).getLeft()).isInstanceOf(StopFailure.Unavailable.class);
    assertThat(codeBuild.complete(running.id().orElseThrow(), StatusType.FAILED).getLeft())
        .isInstanceOfSatisfying(StopFailure.Unavailable.class,
            unavailable -> assertThat(unavailable.cause()).get().hasFieldOrPropertyWithValue("message", "clock broken"));
    assertThat(codeBuild.builds()).containsExactly(running);
  }

  @Test
  void nullArgumentsAreInvalidInput() {
    assertThat(codeBuild.put(null).getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    assertThat(codeBuild.startBuild((Build) null).getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    assertThat(codeBuild.startBuild((String) null).getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    assertThat(codeBuild.advance(null).getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    assertThat(codeBuild.builds()).isEmpty();
  }
}
