package io.buildstop.codegen;

import java.util.List;
import java.util.Map;

/**
 * What the generators need of CodeBuild's service model: the structures reachable from the roots ({@code Build},
 * {@code Project}, {@code BuildBatch}), in the order they were met, and the open enums their members name. Read by
 * {@link SdkModel} from the AWS SDK's model classes.
 */
record Shapes(List<String> roots, List<Structure> structures, Map<String, OpenEnum> enums) {

  /** The kinds of value a member (or a list member's items) holds. */
  enum Kind { STRING, BOOLEAN, INTEGER, LONG, TIMESTAMP, ENUM, STRUCTURE }

  /** A structure shape: its members in the service model's order. */
  record Structure(String name, List<Member> members) {
    boolean hasLists() {
      return members.stream().anyMatch(Member::list);
    }
  }

  /**
   * One member.
   *
   * @param name the SDK's accessor name, which the domain keeps
   * @param wireName the member's name in CodeBuild's JSON
   * @param kind what it (or, for a list, each item) holds
   * @param target the enum or structure name for {@code ENUM} and {@code STRUCTURE}, else null
   * @param list whether it is a list
   * @param sdkEnum whether the SDK types it as an enum too (false for a string the description types as one)
   * @param redacted a secret: masked in {@code toString}
   * @param own a string this build owns (ids, ARNs, secrets): the wire codec keeps a private copy, never interned
   */
  record Member(String name, String wireName, Kind kind, String target, boolean list, boolean sdkEnum,
      boolean redacted, boolean own) {

    String capitalized() {
      return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The domain accessor that holds the member's data: {@code xAsString}/{@code xAsStrings} for enums. */
    String rawName() {
      return kind != Kind.ENUM ? name : list ? name + "AsStrings" : name + "AsString";
    }

    String hasName() {
      return "has" + capitalized();
    }
  }

  /** An open enum: the wire values this version knows, in the SDK's order. */
  record OpenEnum(String name, List<String> values) {}

  boolean isRoot(String name) {
    return roots.contains(name);
  }

  Structure structure(String name) {
    return structures.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
