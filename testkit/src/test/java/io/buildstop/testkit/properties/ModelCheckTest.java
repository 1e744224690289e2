package io.buildstop.testkit.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Sessions run step by step, skip the steps that do not apply, and a failure shrinks to a minimal session. */
class ModelCheckTest {

  /**
   * A stack whose pop takes the bottom element once it holds three: the smallest failing session is three pushes,
   * the last unlike the first, and a pop.
   */
  static final class BrokenStack {
    final List<Integer> elements = new ArrayList<>();
    final List<Integer> model = new ArrayList<>();

    Optional<String> push(int value) {
      elements.add(value);
      model.add(value);
      return Optional.of("push " + value);
    }

    Optional<String> pop() {
      if (model.isEmpty()) {
        return Optional.empty();
      }
      return ModelCheck.perform("pop", () -> {
        int expected = model.remove(model.size() - 1);
        int popped = elements.size() >= 3 ? elements.remove(0) : elements.remove(elements.size() - 1);
        assertThat(popped).as("popped").isEqualTo(expected);
      });
    }
  }

  private static ModelCheck<BrokenStack> stacks() {
    return ModelCheck.startingWith(BrokenStack::new)
        .steps(1, Gens.ints(0, 9).map(value -> (ModelCheck.Step<BrokenStack>) stack -> stack.push(value)))
        .steps(1, Gens.constant((ModelCheck.Step<BrokenStack>) BrokenStack::pop))
        .invariant("the stack holds what the model holds, as a multiset",
            stack -> stack.elements.stream().sorted().toList().equals(stack.model.stream().sorted().toList()));
  }

  /**
   * The report is a session with no step it could do without: the smallest (three pushes and a pop) or, when the
   * random search stops near another one, a five-step session such as push 1, push 2, push 1, pop, pop, from which
   * no single step can be dropped either.
   */
  @Test
  void aFailingSessionShrinksToTheStepsThatBreakIt() {
    assertThatThrownBy(() -> stacks().check(Property.tries(500)))
        .isInstanceOf(AssertionError.class)
        .hasMessageMatching("(?s)minimal failing session: the last step failed after [45] step\\(s\\):.*")
        .hasMessageMatching("(?s).*\\n  [45]\\. pop   <== failed.*")
        .hasMessageContaining("Seed was");
  }

  @Test
  void stepsThatDoNotApplyAreSkippedAndLeftOutOfTheTranscript() {
    ModelCheck<BrokenStack> popsOnly = ModelCheck.startingWith(BrokenStack::new)
        .steps(1, Gens.constant((ModelCheck.Step<BrokenStack>) BrokenStack::pop));
    Coverage<Integer> sizes = Coverage.of("size");

    popsOnly.check(Property.tries(50), stack -> sizes.collect(stack.model.size()));

    assertThat(sizes.counts()).containsOnlyKeys(0);
  }

  @Test
  void aFailureThatARerunDoesNotBringBackIsReportedAsItHappened() {
    // the first push of the whole run fails, as a race lost once would; no rerun fails again
    AtomicBoolean failed = new AtomicBoolean();
    ModelCheck<BrokenStack> onceOnly = ModelCheck.startingWith(BrokenStack::new)
        .steps(1, Gens.ints(0, 9).map(value -> (ModelCheck.Step<BrokenStack>) stack -> ModelCheck.perform(
            "push " + value, () -> assertThat(failed.getAndSet(true)).as("pushed before").isTrue())));

    assertThatThrownBy(() -> onceOnly.check(Property.tries(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("a session failed, then passed when run again (its failure depends on timing): ")
        .hasMessageContaining("push")
        .hasMessageContaining("Seed was");
  }

  @Test
  void anInvariantIsCheckedAfterEveryStep() {
    ModelCheck<BrokenStack> check = ModelCheck.startingWith(BrokenStack::new)
        .steps(1, Gens.ints(0, 9).map(value -> (ModelCheck.Step<BrokenStack>) stack -> stack.push(value)))
        .invariant("never more than one element", stack -> stack.elements.size() <= 1);

    assertThatThrownBy(() -> check.check(Property.tries(100)))
        .hasMessageContaining("invariant 'never more than one element' broken after 2 step(s):");
  }
}
