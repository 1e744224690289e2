package io.buildstop.wire.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** How an error message names what it found instead of what it expected. */
public final class Found {

  private static final int LONGEST_QUOTE = 40;

  private Found() {}

  /** {@code expected <what>, found <kind of node>}: never quotes the node, which may be a secret. */
  public static String expected(String what, JsonNode found) {
    return "expected " + what + ", found " + kind(found);
  }

  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      case MISSING -> "nothing";
      case BINARY, POJO -> "a value that is not JSON";
    };
  }

  /** A rejected number, cut short: a number may be a thousand digits long. */
  public static String number(BigDecimal value) {
    return cut(value.toString());
  }

  /** A rejected timestamp text, quoted and cut short. */
  public static String text(String value) {
    return "\"" + cut(value) + "\"";
  }

  private static String cut(String value) {
    return value.length() <= LONGEST_QUOTE ? value : value.substring(0, LONGEST_QUOTE) + "...";
  }
}
