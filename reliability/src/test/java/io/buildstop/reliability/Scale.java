package io.buildstop.reliability;

/** How much each reliability test runs: {@code reliability.scale} times its default (1; 10 under {@code -Pstress}). */
final class Scale {
  private Scale() {}

  /** The factor, at least 1. */
  static int factor() {
    return Math.max(1, Integer.getInteger("reliability.scale", 1));
  }

  /** {@code base} times the factor. */
  static int times(int base) {
    return base * factor();
  }
}
