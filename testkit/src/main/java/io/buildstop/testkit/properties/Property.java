package io.buildstop.testkit.properties;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.QuadConsumer;
import org.quicktheories.api.TriConsumer;
import org.quicktheories.core.Gen;

/**
 * A property run: a number of tries, then QuickTheories' integrated shrinking to the smallest counterexample.
 *
 * <pre>{@code
 * @Test
 * void aStoppedBuildStopsOnce() {
 *   Property.tries(300).forAll(BuildGenerators.runningBuilds(), ValueGenerators.instants(), (build, at) -> ...);
 * }
 * }</pre>
 *
 * <p>Reproducible: a failure's message ends with {@code Seed was N}; rerun with {@code -DQT_SEED=N} (Surefire passes
 * the property to the test JVM) to generate the same cases. {@code -DQT_SHRINKS=0} turns shrinking off, which
 * mutation testing wants. Generation skips a case whose random draws it has already tried, so over a domain smaller
 * than the tries every value is tried once and the run stops there (as an exhaustive run would).
 */
public final class Property {
  /**
   * Shrink cycles unless {@code -DQT_SHRINKS} is set: QuickTheories' own default shrinks a whole build for most of a
   * minute, while a few thousand cycles already reach a small counterexample.
   */
  public static final int SHRINK_CYCLES = 2_000;

  private final int tries;

  private Property(int tries) {
    this.tries = tries;
  }

  /**
   * A run of {@code tries} generated cases.
   *
   * @throws IllegalArgumentException if {@code tries} is below 1
   */
  public static Property tries(int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1, got " + tries);
    }
    return new Property(tries);
  }

  /** The number of cases this run generates. */
  public int tries() {
    return tries;
  }

  /**
   * The configured QuickTheories entry point, for what the {@code forAll} methods here do not cover: {@link #tries()}
   * examples, and {@value #SHRINK_CYCLES} shrink cycles unless {@code -DQT_SHRINKS} says otherwise.
   */
  public QuickTheory theory() {
    return QuickTheory.qt().withExamples(tries).withShrinkCycles(Integer.getInteger("QT_SHRINKS", SHRINK_CYCLES));
  }

  /**
   * Checks {@code property} for every generated value; an exception or failed assertion is a counterexample, shrunk
   * and reported with its seed.
   *
   * @return how many cases ran: {@link #tries()}, or fewer when the generator has fewer distinct values
   */
  public <A> int forAll(Gen<A> values, Consumer<A> property) {
    AtomicInteger cases = new AtomicInteger();
    theory().forAll(values).checkAssert(value -> counted(cases, () -> property.accept(value)));
    return cases.get();
  }

  /** {@link #forAll(Gen, Consumer)} over two independent generators. */
  public <A, B> int forAll(Gen<A> first, Gen<B> second, BiConsumer<A, B> property) {
    AtomicInteger cases = new AtomicInteger();
    theory().forAll(first, second).checkAssert((a, b) -> counted(cases, () -> property.accept(a, b)));
    return cases.get();
  }

  /** {@link #forAll(Gen, Consumer)} over three independent generators. */
  public <A, B, C> int forAll(Gen<A> first, Gen<B> second, Gen<C> third, TriConsumer<A, B, C> property) {
    AtomicInteger cases = new AtomicInteger();
    theory().forAll(first, second, third).checkAssert((a, b, c) -> counted(cases, () -> property.accept(a, b, c)));
    return cases.get();
  }

  /** {@link #forAll(Gen, Consumer)} over four independent generators. */
  public <A, B, C, D> int forAll(Gen<A> first, Gen<B> second, Gen<C> third, Gen<D> fourth,
      QuadConsumer<A, B, C, D> property) {
    AtomicInteger cases = new AtomicInteger();
    theory().forAll(first, second, third, fourth)
        .checkAssert((a, b, c, d) -> counted(cases, () -> property.accept(a, b, c, d)));
    return cases.get();
  }

  /** Five values to check. */
  @FunctionalInterface
  public interface Check5<A, B, C, D, E> {
    /** Checks one case; throws on failure. */
    void check(A a, B b, C c, D d, E e);
  }

  /** Six values to check. */
  @FunctionalInterface
  public interface Check6<A, B, C, D, E, F> {
    /** Checks one case; throws on failure. */
    void check(A a, B b, C c, D d, E e, F f);
  }

  /** Seven values to check. */
  @FunctionalInterface
  public interface Check7<A, B, C, D, E, F, G> {
    /** Checks one case; throws on failure. */
    void check(A a, B b, C c, D d, E e, F f, G g);
  }

  /** {@link #forAll(Gen, Consumer)} over five independent generators. */
  @SuppressWarnings("unchecked")
  public <A, B, C, D, E> int forAll(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e,
      Check5<A, B, C, D, E> property) {
    return forAll(all(a, b, c, d, e),
        v -> property.check((A) v.get(0), (B) v.get(1), (C) v.get(2), (D) v.get(3), (E) v.get(4)));
  }

  /** {@link #forAll(Gen, Consumer)} over six independent generators. */
  @SuppressWarnings("unchecked")
  public <A, B, C, D, E, F> int forAll(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f,
      Check6<A, B, C, D, E, F> property) {
    return forAll(all(a, b, c, d, e, f), v -> property.check((A) v.get(0), (B) v.get(1), (C) v.get(2),
        (D) v.get(3), (E) v.get(4), (F) v.get(5)));
  }

  /** {@link #forAll(Gen, Consumer)} over seven independent generators. */
  @SuppressWarnings("unchecked")
  public <A, B, C, D, E, F, G> int forAll(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d, Gen<E> e, Gen<F> f, Gen<G> g,
      Check7<A, B, C, D, E, F, G> property) {
    return forAll(all(a, b, c, d, e, f, g), v -> property.check((A) v.get(0), (B) v.get(1), (C) v.get(2),
        (D) v.get(3), (E) v.get(4), (F) v.get(5), (G) v.get(6)));
  }

  // the values of several generators drawn in order, shown as a list when QuickTheories reports a case
  private static Gen<java.util.List<Object>> all(Gen<?>... generators) {
    Gen<?>[] each = generators.clone();
    return random -> {
      java.util.List<Object> values = new java.util.ArrayList<>();
      for (Gen<?> generator : each) {
        values.add(generator.generate(random));
      }
      return java.util.Collections.unmodifiableList(values);
    };
  }

  /**
   * Inside a property: gives up the current case unless {@code condition} holds. The case is neither a failure nor
   * counted; prefer a generator that makes only the cases wanted, since every rejected case is one fewer tried.
   */
  public static void assume(boolean condition) {
    if (!condition) {
      throw Rejected.INSTANCE;
    }
  }

  private static void counted(AtomicInteger cases, Runnable property) {
    try {
      property.run();
      cases.incrementAndGet();
    } catch (Rejected rejected) {
      // an assumption did not hold: not a case
    }
  }

  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Rejected INSTANCE = new Rejected();

    private Rejected() {
      super("assumption not met", null, false, false);
    }
  }
}
