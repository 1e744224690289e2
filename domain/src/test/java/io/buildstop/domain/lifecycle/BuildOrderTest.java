package io.buildstop.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which build is newer (start time, then number, then id) and when a build counts as complete. */
class BuildOrderTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static Build build(String id, Instant start, Long number) {
    Build.Builder builder = Build.builder().id(id);
    if (start != null) {
      builder.startTime(start);
    }
    if (number != null) {
      builder.buildNumber(number);
    }
    return builder.build();
  }

  @Nested
  class SamePosition {
    @Test
    void twoStatesOfOneBuildHoldTheSamePositionWhateverElseChanged() {
      Build running = build("p:a", T, 3L).withBuildStatus(StatusType.IN_PROGRESS);
      Build stopped = running.withBuildStatus(StatusType.STOPPED).withBuildComplete(true);

      assertThat(BuildOrder.Position.same(running, stopped)).isTrue();
      assertThat(BuildOrder.Position.same(build("p:a", null, null), build("p:a", null, null))).isTrue();
    }

    @Test
    void anotherStartNumberOrIdIsAnotherPosition() {
      Build build = build("p:a", T, 3L);

      assertThat(BuildOrder.Position.same(build, build("p:a", T.plusMillis(1), 3L))).isFalse();
      assertThat(BuildOrder.Position.same(build, build("p:a", null, 3L))).isFalse();
      assertThat(BuildOrder.Position.same(build, build("p:a", T, 4L))).isFalse();
      assertThat(BuildOrder.Position.same(build, build("p:a", T, null))).isFalse();
      assertThat(BuildOrder.Position.same(build, build("p:b", T, 3L))).isFalse();
    }
  }

  @Nested
  class BatchPosition {
    @Test
    void aBatchStandsWhereABuildWithItsStartNumberAndIdStands() {
      BuildBatch batch = BuildBatch.builder().id("p:a").startTime(T).buildBatchNumber(3L).build();

      assertThat(BuildOrder.Position.of(batch)).isEqualTo(BuildOrder.Position.of(build("p:a", T, 3L)));
    }

    @Test
    void aBatchWithoutStartNumberOrIdStandsBeforeEveryOther() {
      assertThat(BuildOrder.Position.of(BuildBatch.builder().build()))
          .isEqualTo(new BuildOrder.Position(Instant.MIN, Long.MIN_VALUE, ""));
    }
  }

  @Nested
  class Order {

    @Test
    void aLaterStartIsNewerWhateverTheNumbers() {
      Build early = build("p:b", T, 9L);
      Build late = build("p:a", T.plusMillis(1), 1L);

      assertThat(List.of(late, early).stream().sorted(BuildOrder.OLDEST_FIRST).toList()).containsExactly(early, late);
      assertThat(List.of(early, late).stream().sorted(BuildOrder.NEWEST_FIRST).toList()).containsExactly(late, early);
    }

    @Test
    void theSameStartIsOrderedByNumberThenById() {
      Build one = build("p:z", T, 1L);
      Build twoA = build("p:a", T, 2L);
      Build twoB = build("p:b", T, 2L);

      assertThat(List.of(twoB, one, twoA).stream().sorted(BuildOrder.OLDEST_FIRST).toList())
          .containsExactly(one, twoA, twoB);
    }

    @Test
    void aBuildWithoutAStartTimeOrNumberIsTheOldest() {
      Build noStart = build("p:c", null, 5L);
      Build noNumber = build("p:b", T, null);
      Build full = build("p:a", T, 1L);

      assertThat(List.of(full, noNumber, noStart).stream().sorted(BuildOrder.OLDEST_FIRST).toList())
          .containsExactly(noStart, noNumber, full);
    }

    @Test
    void aPositionComparesAsItsBuildAndIsEqualOnlyToTheSamePosition() {
      BuildOrder.Position a = BuildOrder.Position.of(build("p:a", T, 1L));
      BuildOrder.Position same = new BuildOrder.Position(T, 1L, "p:a");
      BuildOrder.Position later = BuildOrder.Position.of(build("p:a", T.plusSeconds(1), 1L));
      BuildOrder.Position empty = BuildOrder.Position.of(Build.builder().build());

      assertThat(a.compareTo(same)).isZero();
      assertThat(a).isEqualTo(same);
      assertThat(a.compareTo(later)).isNegative();
      assertThat(later.compareTo(a)).isPositive();
      assertThat(empty).isEqualTo(new BuildOrder.Position(Instant.MIN, Long.MIN_VALUE, ""));
      assertThat(empty.compareTo(a)).isNegative();
      assertThatThrownBy(() -> new BuildOrder.Position(null, 1L, "p:a")).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> new BuildOrder.Position(T, 1L, null)).isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Complete {

    @Test
    void aBuildIsCompleteWhenBuildCompleteIsTrueOrItsPhaseIsCompleted() {
      assertThat(BuildLifecycle.isComplete(Build.builder().buildComplete(true).build())).isTrue();
      assertThat(BuildLifecycle.isComplete(Build.builder().buildComplete(false)
          .currentPhase(BuildPhaseType.COMPLETED).build())).isTrue();
    }

    @Test
    void aRunningBuildOrOneThatSaysNothingIsNotComplete() {
      assertThat(BuildLifecycle.isComplete(Build.builder().buildComplete(false)
          .buildStatus(StatusType.IN_PROGRESS).currentPhase(BuildPhaseType.BUILD).build())).isFalse();
      assertThat(BuildLifecycle.isComplete(Build.builder().build())).isFalse();
    }
  }
}
