package io.buildstop.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query of a request to the page's data paths, {@code name=value&...} decoded as a form: its members read and
 * checked one by one, each bad value an {@code InvalidInputException} that names it. An empty value reads as absent
 * (a filter set to "all"); a name sent twice is refused, as the page never sends one twice.
 */
final class PageQuery {
  private final Map<String, String> members;

  private PageQuery(Map<String, String> members) {
    this.members = members;
  }

  /**
   * The query's members.
   *
   * @throws ServiceError {@code InvalidInputException} for a query that cannot be decoded or names a member twice
   */
  static PageQuery of(String rawQuery) {
    Map<String, String> members = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
        if (members.put(name, value) != null) {
          throw ServiceError.invalidInput("The query names " + name + " twice: give it once");
        }
      }
    }
    return new PageQuery(members);
  }

  /** The member's value, absent when not sent or empty. */
  Optional<String> text(String name) {
    return Optional.ofNullable(members.get(name)).filter(value -> !value.isEmpty());
  }

  /**
   * The member as a whole number from {@code least} to {@code most}, or {@code otherwise} when absent.
   *
   * @throws ServiceError {@code InvalidInputException} for anything else
   */
  long number(String name, long least, long most, long otherwise) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return otherwise;
    }
    long value;
    try {
      value = Long.parseLong(text.get());
    } catch (NumberFormatException notANumber) {
      throw ServiceError.invalidInput(name + " must be a whole number from " + least + " to " + most);
    }
    if (value < least || value > most) {
      throw ServiceError.invalidInput(name + " must be a whole number from " + least + " to " + most + ", not "
          + value);
    }
    return value;
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw ServiceError.invalidInput("The query is not a valid form encoding (a % not followed by two hex digits)");
    }
  }
}
