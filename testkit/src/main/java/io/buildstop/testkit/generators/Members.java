package io.buildstop.testkit.generators;

import io.buildstop.testkit.properties.Gens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * Generates a value type member by member through its Immutables builder: each optional member is present with its
 * own probability, each list is absent, present but empty, or holds elements (the {@code hasX} convention).
 *
 * <p>Every member is one generator; their values are drawn in order, then applied to a fresh builder, so a generated
 * value shrinks member by member (towards absent members) and no builder is ever shared between tries.
 *
 * @param <B> the builder type
 */
final class Members<B> {
  /** How often an optional member is present unless a member says otherwise. */
  static final double PRESENT = 0.7;

  private final Supplier<B> newBuilder;
  private final List<Gen<Consumer<B>>> steps = new ArrayList<>();

  private Members(Supplier<B> newBuilder) {
    this.newBuilder = newBuilder;
  }

  /** Members set on builders that {@code newBuilder} creates, one per generated value. */
  static <B> Members<B> of(Supplier<B> newBuilder) {
    return new Members<>(newBuilder);
  }

  /** An optional member, present with probability {@link #PRESENT}. */
  <T> Members<B> optional(Gen<T> values, BiConsumer<B, Optional<T>> setter) {
    return optional(values, PRESENT, setter);
  }

  /** An optional member, present with probability {@code presence}. */
  <T> Members<B> optional(Gen<T> values, double presence, BiConsumer<B, Optional<T>> setter) {
    steps.add(Gens.optional(values, presence).map(value -> builder -> setter.accept(builder, value)));
    return this;
  }

  /**
   * A list member with its {@code hasX} flag: absent (flag false, no elements), present but empty (flag true, as
   * CodeBuild's {@code []}), or 1 to {@code maxSize} elements.
   */
  <T> Members<B> list(Gen<T> elements, int maxSize, BiConsumer<B, List<T>> setter, BiConsumer<B, Boolean> sent) {
    steps.add(Gens.listPresence(elements, maxSize).map(value -> builder -> value.ifPresent(list -> {
      sent.accept(builder, true);
      setter.accept(builder, list);
    })));
    return this;
  }

  /** The combined generator: every member drawn in order, applied to a fresh builder, then {@code build}. */
  <V> Gen<V> build(Function<B, V> build) {
    List<Gen<Consumer<B>>> members = List.copyOf(steps);
    return random -> {
      B builder = newBuilder.get();
      for (Gen<Consumer<B>> member : members) {
        member.generate(random).accept(builder);
      }
      return build.apply(builder);
    };
  }
}
