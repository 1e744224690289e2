package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Backoff: exponential, capped, jitter within its bounds. */
class BackoffPropertiesTest {

  @Test
  void aDelayStaysWithinTheJitterAroundTheBaseAndNeverExceedsTheCap() {
    Property.tries(1000).forAll(
        Gens.longs(0, 10_000), Gens.longs(0, 60_000), Gens.doubles(1, 5), Gens.doubles(0, 1), Gens.ints(1, 200), Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE),
        (initialMillis, extraMaxMillis, multiplier, jitter, attempt, seed) -> {
      Backoff backoff = new Backoff(Duration.ofMillis(initialMillis),
          Duration.ofMillis(initialMillis + extraMaxMillis), multiplier, jitter);

      long base = backoff.baseDelay(attempt).toNanos();
      long delay = backoff.delay(attempt, new SplittableRandom(seed)).toNanos();

      assertThat(delay).isBetween((long) Math.floor(base * (1 - jitter)) - 1,
          (long) Math.min(Math.ceil(base * (1 + jitter)) + 1, backoff.max().toNanos()));
      assertThat(delay).isBetween(0L, backoff.max().toNanos());
    });
  }

  @Test
  void theBaseDelayGrowsWithEachAttemptUntilTheCap() {
    Property.tries(1000).forAll(
        Gens.longs(1, 10_000), Gens.doubles(1, 5), Gens.ints(1, 100),
        (initialMillis, multiplier, attempt) -> {
      Backoff backoff = new Backoff(Duration.ofMillis(initialMillis), Duration.ofMinutes(5), multiplier, 0);

      Duration now = backoff.baseDelay(attempt);
      Duration next = backoff.baseDelay(attempt + 1);

      assertThat(next).isGreaterThanOrEqualTo(now).isLessThanOrEqualTo(Duration.ofMinutes(5));
      if (next.compareTo(Duration.ofMinutes(5)) < 0 && multiplier >= 1.5) {
        assertThat(next.toNanos()).isGreaterThan(now.toNanos());
      }
    });
  }

  @Test
  void theDefaultsDoubleFrom200MillisecondsTo10Seconds() {
    Backoff backoff = Backoff.defaults();

    assertThat(backoff.baseDelay(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.baseDelay(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.baseDelay(6)).isEqualTo(Duration.ofMillis(6400));
    assertThat(backoff.baseDelay(7)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.baseDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.jitter()).isEqualTo(0.2);
  }

  @Test
  void aBackoffThatCannotWorkCannotBeMade() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1), 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHugeCapNeitherOverflowsNorThrows() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofDays(365L * 1000), 10, 1);

    assertThat(backoff.delay(Integer.MAX_VALUE, new SplittableRandom(1))).isPositive();
  }
}
