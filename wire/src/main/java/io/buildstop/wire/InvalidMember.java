package io.buildstop.wire;

import java.util.Objects;

/**
 * A request member that breaks CodeBuild's service model, as AWS's JSON services name it in an {@code
 * InvalidInputException}: {@code 1 validation error detected: Value 'x' at 'source.type' failed to satisfy
 * constraint: Member must satisfy enum value set: [...]}. What {@link MemberReader#validate} answers for a request
 * object, where {@link WireError} is what a response's decoding answers.
 *
 * @param shownValue the value as the message quotes it ({@code 'x'}, {@code null}), or empty for a value the message
 *     must not echo (free text may hold secrets); never null
 * @param member the member's path in AWS's style: {@code source.type}, {@code ids.2.member}; never null
 * @param constraint the rule broken, {@code Member must not be null}; never null
 */
public record InvalidMember(String shownValue, String member, String constraint) {
  private static final int SHOWN_LENGTH = 64;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   */
  public InvalidMember {
    Objects.requireNonNull(shownValue, "shownValue");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(constraint, "constraint");
  }

  /**
   * The message AWS sends.
   *
   * @return {@code 1 validation error detected: Value <v> at '<member>' failed to satisfy constraint: <c>}, or
   *     {@code Value at '<member>'} when the value is not shown; never null
   */
  public String message() {
    return "1 validation error detected: Value" + (shownValue.isEmpty() ? "" : " " + shownValue)
        + " at '" + member + "' failed to satisfy constraint: " + constraint;
  }

  /**
   * A value constrained to a pattern or an enum, quoted for a message: control and non-ASCII characters escaped (a
   * backslash, u and four hex digits), at most 64 characters, then {@code ...}.
   *
   * @param text the value
   * @return the quoted value, never null
   * @throws NullPointerException if {@code text} is null
   */
  public static String shown(String text) {
    StringBuilder out = new StringBuilder("'");
    int end = Math.min(text.length(), SHOWN_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(text.length() > SHOWN_LENGTH ? "...'" : "'").toString();
  }
}
