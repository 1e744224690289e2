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
  private final Presence presence;
  private final List<Gen<Consumer<B>>> steps = new ArrayList<>();

  private Members(Supplier<B> newBuilder, Presence presence) {
    this.newBuilder = newBuilder;
    this.presence = presence;
  }

  /** Members set on builders that {@code newBuilder} creates, one per generated value, as {@code presence} says. */
  static <B> Members<B> of(Supplier<B> newBuilder, Presence presence) {
    return new Members<>(newBuilder, presence);
  }

  /** An optional member, present with probability {@link #PRESENT} (always, unless {@link Presence#SOME}). */
  <T> Members<B> optional(Gen<T> values, BiConsumer<B, Optional<T>> setter) {
    Gen<Optional<T>> chosen = presence == Presence.SOME ? Gens.optional(values, PRESENT) : values.map(Optional::of);
    steps.add(chosen.map(value -> builder -> setter.accept(builder, value)));
    return this;
  }

  /**
   * A list member with its {@code hasX} flag: absent (flag false, no elements), present but empty (flag true, as
   * CodeBuild's {@code []}), or 1 to {@code maxSize} elements.
   */
  <T> Members<B> list(Gen<T> elements, int maxSize, BiConsumer<B, List<T>> setter, BiConsumer<B, Boolean> sent) {
    Gen<Optional<List<T>>> chosen = switch (presence) {
      case SOME -> Gens.listPresence(elements, maxSize);
      case ALL -> Gens.weighted(1, Gens.constant(Optional.of(List.<T>of())),
          4, Gens.lists(elements, 1, maxSize).map(Optional::of));
      case ALL_NON_EMPTY -> Gens.lists(elements, 1, maxSize).map(Optional::of);
    };
    steps.add(chosen.map(value -> builder -> value.ifPresent(list -> {
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
