package io.buildstop.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Coverage fails a run whose generator never reached a case it must reach. */
class CoverageTest {

  @Test
  void aValueNeverCollectedFailsRequireEach() {
    Coverage<Integer> values = Coverage.of("value");
    Property.tries(100).forAll(Gens.ints(0, 2), values::collect);

    values.requireEach(List.of(0, 1, 2));
    assertThatThrownBy(() -> values.requireEach(List.of(3))).hasMessageContaining("never generated [3]");
  }

  @Test
  void aShareBelowTheMinimumFailsRequirePercentage() {
    Coverage<Boolean> coverage = Coverage.of("flag");
    List.of(true, false, false, false).forEach(coverage::collect);

    coverage.requirePercentage(true, 25);
    assertThatThrownBy(() -> coverage.requirePercentage(true, 30)).hasMessageContaining("was 25.0 %");
  }

  @Test
  void aRunCountsItsCasesAndRunsEachValueOfASmallDomainOnce() {
    // a case whose draws were tried before is skipped, so a large domain runs nearly, not always exactly, 300
    assertThat(Property.tries(300).forAll(Gens.longs(0, Long.MAX_VALUE), value -> { })).isBetween(290, 300);
    assertThat(Property.tries(300).forAll(Gens.ints(0, 4), value -> { })).isLessThanOrEqualTo(5);
  }
}
