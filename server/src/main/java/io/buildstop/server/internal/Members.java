package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The members of one request object, read with the checks of CodeBuild's service model: presence, JSON type,
 * length, range, pattern and enum. A member sent as JSON {@code null} is absent (spec §1). The first member that
 * breaks a rule throws a {@link ServiceError} in AWS's validation style, naming the member by its path
 * ({@code source.type}, {@code ids.2.member}); values are echoed only where the service model constrains them to a
 * pattern or an enum, escaped and cut short, and never for free text, which may hold secrets.
 */
public final class Members {
  private static final int SHOWN_LENGTH = 64;

  private final ObjectNode node;
  private final String path;

  private Members(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The members of a top-level input object. */
  public static Members of(ObjectNode node) {
    return new Members(node, "");
  }

  /** The members of an object held by member {@code name} of this one. */
  public Members nested(String name, ObjectNode child) {
    return new Members(child, path + name + ".");
  }

  /** The object these members belong to. */
  public ObjectNode node() {
    return node;
  }

  /** The member's path as validation messages name it. */
  public String pathOf(String name) {
    return path + name;
  }

  /** The member's value, absent when missing or JSON null. */
  public Optional<JsonNode> value(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** A string member, if present. */
  public Optional<String> string(String name) {
    return value(name).map(value -> {
      if (!value.isTextual()) {
        throw wrongType(name, value, "a string");
      }
      return value.textValue();
    });
  }

  /** A string member of at least one character, if present. */
  public Optional<String> nonEmpty(String name) {
    return string(name).map(text -> {
      if (text.isEmpty()) {
        throw ServiceError.validation("''", pathOf(name), "Member must have length greater than or equal to 1");
      }
      return text;
    });
  }

  /** A required string member of at least one character. */
  public String requiredNonEmpty(String name) {
    return nonEmpty(name).orElseThrow(() -> missing(name));
  }

  /** A string member within these lengths that matches {@code pattern}, if present. */
  public Optional<String> matching(String name, Pattern pattern, int minLength, int maxLength) {
    return string(name).map(text -> {
      if (text.length() < minLength) {
        throw ServiceError.validation(shown(text), pathOf(name),
            "Member must have length greater than or equal to " + minLength);
      }
      if (text.length() > maxLength) {
        throw ServiceError.validation("", pathOf(name), "Member must have length less than or equal to " + maxLength);
      }
      if (!pattern.matcher(text).matches()) {
        throw ServiceError.validation(shown(text), pathOf(name),
            "Member must satisfy regular expression pattern: " + pattern.pattern());
      }
      return text;
    });
  }

  /** A string member whose value is one of {@code allowed}, if present. */
  public Optional<String> enumValue(String name, Collection<String> allowed) {
    return string(name).map(text -> {
      if (!allowed.contains(text)) {
        throw ServiceError.validation(shown(text), pathOf(name), "Member must satisfy enum value set: " + allowed);
      }
      return text;
    });
  }

  /** A required string member whose value is one of {@code allowed}. */
  public String requiredEnum(String name, Collection<String> allowed) {
    return enumValue(name, allowed).orElseThrow(() -> missing(name));
  }

  /** An integer member within {@code [min, max]}, if present. */
  public Optional<Integer> integer(String name, int min, int max) {
    return value(name).map(value -> {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw wrongType(name, value, "an integer");
      }
      long number = value.longValue();
      if (number < min) {
        throw ServiceError.validation("'" + number + "'", pathOf(name),
            "Member must have value greater than or equal to " + min);
      }
      if (number > max) {
        throw ServiceError.validation("'" + number + "'", pathOf(name),
            "Member must have value less than or equal to " + max);
      }
      return (int) number;
    });
  }

  /** A boolean member, if present. */
  public Optional<Boolean> bool(String name) {
    return value(name).map(value -> {
      if (!value.isBoolean()) {
        throw wrongType(name, value, "a boolean");
      }
      return value.booleanValue();
    });
  }

  /** An object member, if present. */
  public Optional<ObjectNode> object(String name) {
    return value(name).map(value -> {
      if (!value.isObject()) {
        throw wrongType(name, value, "an object");
      }
      return (ObjectNode) value;
    });
  }

  /** A required object member. */
  public ObjectNode requiredObject(String name) {
    return object(name).orElseThrow(() -> missing(name));
  }

  /** A list member, if present. */
  public Optional<ArrayNode> array(String name) {
    return value(name).map(value -> {
      if (!value.isArray()) {
        throw wrongType(name, value, "a list");
      }
      return (ArrayNode) value;
    });
  }

  /** A list member whose items are all objects, if present; each item's members are checked by the caller. */
  public Optional<List<Members>> objects(String name) {
    return array(name).map(items -> {
      List<Members> result = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        String itemName = name + "." + (i + 1) + ".member";
        if (!item.isObject()) {
          throw typeError(pathOf(itemName), item, "an object");
        }
        result.add(nested(itemName, (ObjectNode) item));
      }
      return result;
    });
  }

  /** A required list of {@code min} to {@code max} strings of at least one character each. */
  public List<String> requiredStrings(String name, int min, int max) {
    ArrayNode items = array(name).orElseThrow(() -> missing(name));
    if (items.size() < min) {
      throw ServiceError.validation(items.isEmpty() ? "'[]'" : "", pathOf(name),
          "Member must have length greater than or equal to " + min);
    }
    if (items.size() > max) {
      throw ServiceError.validation("", pathOf(name), "Member must have length less than or equal to " + max);
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPath = pathOf(name + "." + (i + 1) + ".member");
      if (item.isNull()) {
        throw ServiceError.validation("null", itemPath, "Member must not be null");
      }
      if (!item.isTextual()) {
        throw typeError(itemPath, item, "a string");
      }
      if (item.textValue().isEmpty()) {
        throw ServiceError.validation("''", itemPath, "Member must have length greater than or equal to 1");
      }
      result.add(item.textValue());
    }
    return result;
  }

  /** The refusal for a required member that is missing or null. */
  public ServiceError missing(String name) {
    return ServiceError.validation("null", pathOf(name), "Member must not be null");
  }

  /** "a string", "a number", ...: what a JSON value is, for messages that must not echo it. */
  public static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.isNull() ? "null" : "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** A value constrained to a pattern or an enum, quoted for a message: escaped, at most 64 characters. */
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

  private ServiceError wrongType(String name, JsonNode value, String expected) {
    return typeError(pathOf(name), value, expected);
  }

  private static ServiceError typeError(String path, JsonNode value, String expected) {
    return ServiceError.validation("", path, "Member must be " + expected + ", not " + describe(value));
  }
}
