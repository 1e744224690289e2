package io.buildstop.domain.arbitraries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates a value type member by member through its Immutables builder: each optional member is present with its
 * own probability, each list is absent, present but empty, or holds elements (the {@code hasX} convention).
 *
 * <p>Every member becomes one step; the steps are combined, then applied to a fresh builder, so a generated value
 * shrinks member by member (towards absent members) and no builder is ever shared between tries.
 *
 * @param <B> the builder type
 */
final class Members<B> {
  /** How often an optional member is present unless a member says otherwise. */
  static final double PRESENT = 0.7;

  private final Supplier<B> newBuilder;
  private final List<Arbitrary<Consumer<B>>> steps = new ArrayList<>();

  private Members(Supplier<B> newBuilder) {
    this.newBuilder = newBuilder;
  }

  /** Members set on builders that {@code newBuilder} creates, one per generated value. */
  static <B> Members<B> of(Supplier<B> newBuilder) {
    return new Members<>(newBuilder);
  }

  /** An optional member, present with probability {@link #PRESENT}. */
  <T> Members<B> optional(Arbitrary<T> values, BiConsumer<B, Optional<T>> setter) {
    return optional(values, PRESENT, setter);
  }

  /** An optional member, present with probability {@code presence}. */
  <T> Members<B> optional(Arbitrary<T> values, double presence, BiConsumer<B, Optional<T>> setter) {
    steps.add(values.optional(presence).map(value -> builder -> setter.accept(builder, value)));
    return this;
  }

  /**
   * A list member with its {@code hasX} flag: absent (flag false, no elements), present but empty (flag true, as
   * CodeBuild's {@code []}), or 1 to {@code maxSize} elements.
   */
  <T> Members<B> list(Arbitrary<T> elements, int maxSize, BiConsumer<B, List<T>> setter, BiConsumer<B, Boolean> sent) {
    steps.add(presence(elements, maxSize).map(value -> builder -> value.ifPresent(list -> {
      sent.accept(builder, true);
      setter.accept(builder, list);
    })));
    return this;
  }

  /** The combined arbitrary: a fresh builder per try, every step applied, then {@code build}. */
  <V> Arbitrary<V> build(Function<B, V> build) {
    return Combinators.combine(steps).as(chosen -> {
      B builder = newBuilder.get();
      chosen.forEach(step -> step.accept(builder));
      return build.apply(builder);
    });
  }

  /** Absent (empty), present but empty, or a non-empty list, in proportions 3:2:5. */
  static <T> Arbitrary<Optional<List<T>>> presence(Arbitrary<T> elements, int maxSize) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Optional.<List<T>>empty())),
        Tuple.of(2, Arbitraries.just(Optional.of(List.<T>of()))),
        Tuple.of(5, elements.list().ofMinSize(1).ofMaxSize(maxSize).map(Optional::of)));
  }
}
