package io.buildstop.domain;

/** Renders caller input safely inside messages: printable ASCII as is, the rest escaped, long input cut. */
final class Quoting {
  static final int MAX_QUOTED = 80;

  private Quoting() {}

  /** {@code input} with every character {@link #quote} would escape escaped, unquoted and uncut (paths we built). */
  static String escape(String input) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  static String quote(String input) {
    if (input == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder("\"");
    int shown = Math.min(input.length(), MAX_QUOTED);
    for (int i = 0; i < shown; i++) {
      char c = input.charAt(i);
      // a control character or a non-ASCII one could forge log lines or hide text: show its code instead
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    quoted.append('"');
    if (input.length() > shown) {
      quoted.append("... (").append(input.length()).append(" characters)");
    }
    return quoted.toString();
  }
}
