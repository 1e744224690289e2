package io.buildstop.testkit.properties;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Small generator combinators QuickTheories leaves to its users, written once: optional members with a presence
 * probability, lists that are absent, {@code []} or filled, strings over an alphabet, weighted choices. Every
 * generator shrinks towards its first or smallest choice, since QuickTheories shrinks the random draws.
 */
public final class Gens {
  private Gens() {}

  /** Always {@code value}. */
  public static <T> Gen<T> constant(T value) {
    return Generate.constant(value);
  }

  /** One of {@code values}, uniformly; shrinks towards the first. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(T... values) {
    List<T> choices = new java.util.ArrayList<>();
    for (T value : values) {
      choices.add(value);
    }
    return Generate.pick(choices);
  }

  /** One of {@code values}, uniformly; shrinks towards the first. */
  public static <T> Gen<T> oneOf(List<? extends T> values) {
    return Generate.pick(List.copyOf(values));
  }

  /** Integers from {@code min} to {@code max} inclusive; shrinks towards {@code min}. */
  public static Gen<Integer> ints(int min, int max) {
    return Generate.range(min, max);
  }

  /** Longs from {@code min} to {@code max} inclusive; shrinks towards {@code min}. */
  public static Gen<Long> longs(long min, long max) {
    return Generate.longRange(min, max);
  }

  /** Doubles from {@code min} to {@code max} inclusive. */
  public static Gen<Double> doubles(double min, double max) {
    return SourceDSL.doubles().between(min, max);
  }

  /** Any double, NaN and the infinities included. */
  public static Gen<Double> anyDoubles() {
    return SourceDSL.doubles().any();
  }

  /** Any string of up to 255 UTF-16 characters, control characters and lone surrogates included. */
  public static Gen<String> anyStrings() {
    return weighted(
        3, strings(' ', '~', 0, 255),
        2, strings('\u0000', '\u00ff', 0, 255),
        1, strings('\u0000', '\uffff', 0, 255));
  }

  /** True or false. */
  public static Gen<Boolean> booleans() {
    return Generate.booleans();
  }

  /** Present with probability {@code presence} (0 to 1), else empty. */
  public static <T> Gen<Optional<T>> optional(Gen<T> values, double presence) {
    return values.toOptionals((int) Math.round(100 * (1 - presence)));
  }

  /** Lists of {@code min} to {@code max} elements. */
  public static <T> Gen<List<T>> lists(Gen<T> elements, int min, int max) {
    return SourceDSL.lists().of(elements).ofSizeBetween(min, max);
  }

  /**
   * A list member as CodeBuild sends it: absent (empty), present but empty ({@code []}), or 1 to {@code maxSize}
   * elements, in proportions 3:2:5.
   */
  public static <T> Gen<Optional<List<T>>> listPresence(Gen<T> elements, int maxSize) {
    return weighted(
        3, constant(Optional.<List<T>>empty()),
        2, constant(Optional.of(List.<T>of())),
        5, lists(elements, 1, maxSize).map(Optional::of));
  }

  /** Strings of {@code min} to {@code max} characters taken from {@code alphabet}. */
  public static Gen<String> strings(String alphabet, int min, int max) {
    List<Character> characters = alphabet.chars().mapToObj(c -> (char) c).toList();
    return lists(Generate.pick(characters), min, max)
        .map(chosen -> chosen.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  /** Strings of {@code min} to {@code max} characters from {@code first} to {@code last} inclusive. */
  public static Gen<String> strings(char first, char last, int min, int max) {
    return lists(Generate.characters(first, last), min, max)
        .map(chosen -> chosen.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  /** One character from {@code first} to {@code last} inclusive. */
  public static Gen<Character> chars(char first, char last) {
    return Generate.characters(first, last);
  }

  /** The letters and digits, for identifiers. */
  public static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  /** {@code a} with weight {@code wa}, {@code b} with weight {@code wb}. */
  public static <T> Gen<T> weighted(int wa, Gen<? extends T> a, int wb, Gen<? extends T> b) {
    return Generate.frequency(List.of(Pair.of(wa, widen(a)), Pair.of(wb, widen(b))));
  }

  /** Three generators, each with its weight. */
  public static <T> Gen<T> weighted(int wa, Gen<? extends T> a, int wb, Gen<? extends T> b, int wc,
      Gen<? extends T> c) {
    return Generate.frequency(List.of(Pair.of(wa, widen(a)), Pair.of(wb, widen(b)), Pair.of(wc, widen(c))));
  }

  /** Four generators, each with its weight. */
  public static <T> Gen<T> weighted(int wa, Gen<? extends T> a, int wb, Gen<? extends T> b, int wc,
      Gen<? extends T> c, int wd, Gen<? extends T> d) {
    return Generate.frequency(List.of(Pair.of(wa, widen(a)), Pair.of(wb, widen(b)), Pair.of(wc, widen(c)),
        Pair.of(wd, widen(d))));
  }

  /**
   * A generator with its weight, for {@link #frequency}.
   *
   * @param <T> what it generates
   */
  public record Weighted<T>(int weight, Gen<? extends T> generator) {}

  /** {@code generator} with {@code weight}, for {@link #frequency}. */
  public static <T> Weighted<T> w(int weight, Gen<? extends T> generator) {
    return new Weighted<>(weight, generator);
  }

  /** One of {@code choices}, each chosen with its weight. */
  @SafeVarargs
  public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Pair<Integer, Gen<T>>> weighted = new java.util.ArrayList<>();
    for (Weighted<? extends T> choice : choices) {
      weighted.add(Pair.of(choice.weight(), Gens.<T>widen(choice.generator())));
    }
    return Generate.frequency(weighted);
  }

  /** Any one of {@code generators}, with equal weight. */
  public static <T> Gen<T> anyOf(List<? extends Gen<? extends T>> generators) {
    List<Pair<Integer, Gen<T>>> weighted = new java.util.ArrayList<>();
    for (Gen<? extends T> generator : generators) {
      weighted.add(Pair.of(1, Gens.<T>widen(generator)));
    }
    return Generate.frequency(weighted);
  }

  /** {@code generator.get()}'s values, asked for only when a value is drawn: for recursive generators. */
  public static <T> Gen<T> lazy(java.util.function.Supplier<Gen<T>> generator) {
    return random -> generator.get().generate(random);
  }

  /** Any one of {@code generators}, with equal weight. */
  @SafeVarargs
  public static <T> Gen<T> anyOf(Gen<? extends T>... generators) {
    List<Pair<Integer, Gen<T>>> weighted = new java.util.ArrayList<>();
    for (Gen<? extends T> generator : generators) {
      weighted.add(Pair.of(1, Gens.<T>widen(generator)));
    }
    return Generate.frequency(weighted);
  }

  /**
   * {@code count} values as a property run would generate them (fewer if {@code values} has fewer distinct ones),
   * for tests of a generator's distribution.
   */
  public static <T> List<T> sample(Gen<T> values, int count) {
    List<T> sampled = new java.util.ArrayList<>();
    Property.tries(count).forAll(values, sampled::add);
    return sampled;
  }

  /** A generator of {@code T} from one of a subtype. */
  public static <T> Gen<T> widen(Gen<? extends T> generator) {
    return generator.map(value -> value);
  }
}
