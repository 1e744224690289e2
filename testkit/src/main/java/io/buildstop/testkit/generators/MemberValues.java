package io.buildstop.testkit.generators;

import io.buildstop.testkit.properties.Gens;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The generators of single member values that {@link ValueGenerators} (generated, one generator per shape) draws its
 * members from, and inherits: text, instants, numbers, and the wire values of an open enum, known or not. The names
 * {@code codebuild-shapes.txt} gives a member with {@code generator} are methods of this class.
 */
abstract class MemberValues {
  /** CodeBuild's launch (2016-10-06): no real instant is earlier. */
  public static final Instant EARLIEST = Instant.parse("2016-10-06T00:00:00Z");
  /** The latest instant generated. */
  public static final Instant LATEST = Instant.parse("2040-01-01T00:00:00Z");
  /** Values no enum of this version knows, as real responses carry them (spec §2). */
  public static final List<String> UNKNOWN_WIRE_VALUES = List.of("PENDING", "CLIENT_ERROR", "RETRY");

  // Lists stay short to keep generation fast: nothing in the domain depends on their length.
  static final int FEW = 3;
  private static final String PRINTABLE_ASCII = printableAscii();

  MemberValues() {}

  private static String printableAscii() {
    StringBuilder characters = new StringBuilder();
    for (char c = ' '; c <= '~'; c++) {
      characters.append(c);
    }
    return characters.toString();
  }

  /** Instants with millisecond precision, as the wire carries them, between {@link #EARLIEST} and {@link #LATEST}. */
  public static Gen<Instant> instants() {
    return Gens.longs(EARLIEST.toEpochMilli(), LATEST.toEpochMilli()).map(Instant::ofEpochMilli);
  }

  /**
   * Mostly identifier-like text, sometimes with quotes, backslashes, control and non-ASCII characters, now and then
   * any UTF-16 characters (lone surrogates included) or text that looks like JSON's own words; may be "".
   */
  public static Gen<String> text() {
    return Gens.weighted(
        16, Gens.strings(Gens.ALPHANUMERIC + "-_/.:", 0, 24),
        4, Gens.strings(PRINTABLE_ASCII + "\"\\\n\t\u00f8\u00e9\u65e5\u20ac", 0, 16),
        1, Gens.strings('\u0000', '\uffff', 0, 8),
        1, Gens.oneOf("", "my-demo-project::12345678-a1b2", "\"quoted\\\"", "line\nbreak", "null"));
  }

  /** Instants anywhere from 1900 to 2200, both sides of the epoch, to the millisecond: for codecs. */
  public static Gen<Instant> anyInstants() {
    return Gens.longs(-2_208_988_800_000L, 7_258_118_400_000L).map(Instant::ofEpochMilli);
  }

  /**
   * The wire values of {@code type} this version knows, and (one time in twenty) one it does not: see
   * {@link #unknownWireValues()}.
   */
  public static <E extends Enum<E>> Gen<String> wireValues(Class<E> type) {
    List<String> known = Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .filter(name -> !name.equals("UNKNOWN_TO_SDK_VERSION"))
        .toList();
    return Gens.weighted(19, Gens.oneOf(known), 1, unknownWireValues());
  }

  /**
   * Raw values no enum of this version knows: those seen in real responses, made-up {@code NEW_*} ones, and the odd
   * ones a codec must carry through ({@code UNKNOWN_TO_SDK_VERSION} itself, lower case, empty).
   */
  public static Gen<String> unknownWireValues() {
    return Gens.weighted(
        4, Gens.oneOf(UNKNOWN_WIRE_VALUES),
        4, Gens.strings("ABCDEFGHIJKLMNOPQRSTUVWXYZ_", 1, 12).map(suffix -> "NEW_" + suffix),
        1, Gens.oneOf("UNKNOWN_TO_SDK_VERSION", "stopped", ""));
  }

  static Gen<Boolean> flags() {
    return Gens.booleans();
  }

  // mostly what CodeBuild sends, now and then any value, as a codec must carry it
  static Gen<Integer> ints() {
    return Gens.weighted(9, Gens.ints(0, Integer.MAX_VALUE), 1, Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  static Gen<Long> longs() {
    return Gens.weighted(9, Gens.longs(0, Long.MAX_VALUE), 1, Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE));
  }

  // The generators codebuild-shapes.txt names for members whose type's default is wrong for them.

  /** A build number over the whole range of a long. */
  static Gen<Long> anyLongs() {
    return Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A build's timeout: CodeBuild's 5 to 2160 minutes, now and then any int. */
  static Gen<Integer> buildTimeouts() {
    return Gens.weighted(9, Gens.ints(5, 2160), 1, Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** A build's queued timeout: CodeBuild's 5 to 480 minutes, now and then any int. */
  static Gen<Integer> queuedTimeouts() {
    return Gens.weighted(9, Gens.ints(5, 480), 1, Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** An auto-retry limit or count: CodeBuild allows up to 10 retries. */
  static Gen<Integer> retryCounts() {
    return Gens.ints(0, 10);
  }
}
