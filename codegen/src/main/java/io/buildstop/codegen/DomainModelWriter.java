package io.buildstop.codegen;

import io.buildstop.codegen.Shapes.Kind;
import io.buildstop.codegen.Shapes.Member;
import io.buildstop.codegen.Shapes.OpenEnum;
import io.buildstop.codegen.Shapes.Structure;
import java.util.List;

/**
 * The domain's value types (Immutables abstract classes, {@code Optional} members, open enums as a typed view over
 * the raw {@code *AsString} member, {@code has*} for lists) and open enums, in {@code io.buildstop.domain.model}.
 */
final class DomainModelWriter {
  static final String PACKAGE = "io.buildstop.domain.model";

  private DomainModelWriter() {}

  static void write(Shapes shapes, Output out) {
    out.write(PACKAGE, "package-info.java", packageInfo(shapes));
    for (Structure structure : shapes.structures()) {
      out.write(PACKAGE, structure.name() + ".java", structure(structure));
    }
    for (OpenEnum openEnum : shapes.enums().values()) {
      out.write(PACKAGE, openEnum.name() + ".java", openEnum(openEnum));
    }
  }

  /** The Java type of a member's data (its raw form for enums). */
  static String rawType(Member member) {
    String item = switch (member.kind()) {
      case STRING, ENUM -> "String";
      case BOOLEAN -> "Boolean";
      case INTEGER -> "Integer";
      case LONG -> "Long";
      case TIMESTAMP -> "Instant";
      case STRUCTURE -> member.target();
    };
    return member.list() ? "List<" + item + ">" : "Optional<" + item + ">";
  }

  private static String packageInfo(Shapes shapes) {
    return Names.HEADER
        + "/**\n"
        + " * CodeBuild's " + roots(shapes.roots().stream().map(root -> "{@link " + PACKAGE + "." + root + "}")
            .toList())
        + " and every shape they hold, member for member as the\n"
        + " * AWS SDK for Java v2 models them: generated at build time from the SDK's model by buildstop-codegen.\n"
        + " *\n"
        + " * <p>Every value type is immutable, built through its nested {@code Builder} and copied with {@code with*}"
        + " methods.\n"
        + " * Absent members are {@link java.util.Optional#empty()} or empty lists; nothing here returns or accepts"
        + " null. Enums\n"
        + " * are open: a value a newer CodeBuild sends reads as {@code UNKNOWN_TO_SDK_VERSION}, and the member's"
        + " {@code *AsString()}\n"
        + " * accessor keeps its raw text.\n"
        + " */\n"
        + "@Value.Style(\n"
        + "    visibility = Value.Style.ImplementationVisibility.PACKAGE,\n"
        + "    overshadowImplementation = true,\n"
        + "    jdkOnly = true,\n"
        + "    redactedMask = \"****\")\n"
        + "package " + PACKAGE + ";\n"
        + "\n"
        + "import org.immutables.value.Value;\n";
  }

  // "A", "A and B", "A, B and C"
  private static String roots(List<String> links) {
    int last = links.size() - 1;
    return last == 0 ? links.get(0) : String.join(", ", links.subList(0, last)) + " and " + links.get(last);
  }

  private static String structure(Structure shape) {
    String name = shape.name();
    List<Member> members = shape.members();
    StringBuilder s = new StringBuilder(Names.HEADER);
    s.append("package ").append(PACKAGE).append(";\n\n");
    if (members.stream().anyMatch(m -> m.kind() == Kind.TIMESTAMP)) {
      s.append("import java.time.Instant;\n");
    }
    if (shape.hasLists()) {
      s.append("import java.util.List;\n");
    }
    if (members.stream().anyMatch(m -> !m.list())) {
      s.append("import java.util.Optional;\n");
    }
    s.append("import org.immutables.value.Value;\n\n");
    s.append("/**\n");
    s.append(" * CodeBuild's {@code ").append(name).append("} shape, member for member as the AWS SDK for Java v2"
        + " models it.\n");
    s.append(" *\n");
    s.append(" * <p>Immutable; no accessor returns null.\n");
    s.append(" */\n");
    s.append("@Value.Immutable\n");
    s.append("public abstract class ").append(name).append(" implements With").append(name).append(" {\n");
    for (Member m : members) {
      s.append('\n');
      member(s, m);
    }
    for (Member m : members) {
      if (m.kind() == Kind.ENUM && !m.list()) {
        s.append('\n');
        s.append("  /** A copy with {@code ").append(m.name()).append("} set to a value this version knows. */\n");
        s.append("  public final ").append(name).append(" with").append(m.capitalized()).append('(')
            .append(m.target()).append(" value) {\n");
        s.append("    return with").append(m.capitalized()).append("AsString(value.wireValue());\n");
        s.append("  }\n");
      }
    }
    if (shape.hasLists()) {
      List<Member> lists = members.stream().filter(Member::list).toList();
      s.append('\n');
      s.append("  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.\n");
      s.append("  @Value.Check\n");
      s.append("  ").append(name).append(" normalizePresence() {\n");
      s.append("    if (");
      for (int i = 0; i < lists.size(); i++) {
        Member m = lists.get(i);
        s.append(i == 0 ? "" : " || ").append("(!").append(m.hasName()).append("() && !").append(m.rawName())
            .append("().isEmpty())");
      }
      s.append(") {\n");
      s.append("      return builder().from(this)\n");
      for (Member m : lists) {
        // with one list, the condition above already says its flag is off and it holds elements
        String sent = lists.size() == 1 ? "true" : m.hasName() + "() || !" + m.rawName() + "().isEmpty()";
        s.append("          .").append(m.hasName()).append('(').append(sent).append(")\n");
      }
      s.append("          .build();\n");
      s.append("    }\n");
      s.append("    return this;\n");
      s.append("  }\n");
    }
    s.append('\n');
    s.append("  /** A new builder; every member is optional. */\n");
    s.append("  public static Builder builder() {\n");
    s.append("    return new Builder();\n");
    s.append("  }\n\n");
    s.append("  /** Builds a {@link ").append(name).append("}. */\n");
    s.append("  public static final class Builder extends Immutable").append(name).append(".Builder {\n");
    boolean first = true;
    for (Member m : members) {
      if (m.kind() != Kind.ENUM) {
        continue;
      }
      s.append(first ? "" : "\n");
      first = false;
      if (m.list()) {
        s.append("    /** Adds {@code ").append(m.name()).append("} values this version knows; use {@code add")
            .append(m.capitalized()).append("AsStrings} for any other. */\n");
        s.append("    public Builder add").append(m.capitalized()).append('(').append(m.target())
            .append("... values) {\n");
        s.append("      for (").append(m.target()).append(" value : values) {\n");
        s.append("        add").append(m.capitalized()).append("AsStrings(value.wireValue());\n");
        s.append("      }\n");
        s.append("      return this;\n");
        s.append("    }\n");
      } else {
        s.append("    /** Sets {@code ").append(m.name()).append("} to a value this version knows; use {@code ")
            .append(m.rawName()).append("} for any other. */\n");
        s.append("    public Builder ").append(m.name()).append('(').append(m.target()).append(" value) {\n");
        s.append("      return ").append(m.rawName()).append("(value.wireValue());\n");
        s.append("    }\n");
      }
    }
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }

  private static void member(StringBuilder s, Member m) {
    String redacted = m.redacted() ? "  @Value.Redacted\n" : "";
    String absent = m.list()
        ? "Empty when absent; {@link #" + m.hasName() + "()} tells an empty list CodeBuild sent from an absent one."
        : "Empty when CodeBuild did not send it.";
    if (m.kind() == Kind.ENUM) {
      String typed = m.list() ? "List<" + m.target() + ">" : "Optional<" + m.target() + ">";
      s.append("  /**\n");
      s.append("   * CodeBuild's {@code ").append(m.name()).append("} member, typed: {@link ").append(m.target())
          .append("#UNKNOWN_TO_SDK_VERSION} for a value\n");
      s.append("   * this version does not know, whose raw text {@link #").append(m.rawName())
          .append("()} keeps. ").append(absent).append("\n");
      s.append("   */\n");
      s.append("  public final ").append(typed).append(' ').append(m.name()).append("() {\n");
      if (m.list()) {
        s.append("    return ").append(m.rawName()).append("().stream().map(").append(m.target())
            .append("::fromValue).toList();\n");
      } else {
        s.append("    return ").append(m.rawName()).append("().map(").append(m.target()).append("::fromValue);\n");
      }
      s.append("  }\n\n");
      s.append("  /** The raw {@code ").append(m.name()).append("} exactly as CodeBuild sent ")
          .append(m.list() ? "them" : "it").append(", known to this version or not. */\n");
    } else {
      s.append("  /** CodeBuild's {@code ").append(m.name()).append("} member. ").append(absent).append(" */\n");
    }
    s.append(redacted);
    s.append("  public abstract ").append(rawType(m)).append(' ').append(m.rawName()).append("();\n");
    if (m.list()) {
      s.append('\n');
      s.append("  /** Whether CodeBuild sent {@code ").append(m.name()).append("}, even as an empty list (the AWS"
          + " SDK's {@code has*} convention). */\n");
      s.append("  @Value.Default\n");
      s.append("  public boolean ").append(m.hasName()).append("() {\n");
      s.append("    return !").append(m.rawName()).append("().isEmpty();\n");
      s.append("  }\n");
    }
  }

  private static String openEnum(OpenEnum openEnum) {
    String name = openEnum.name();
    StringBuilder s = new StringBuilder(Names.HEADER);
    s.append("package ").append(PACKAGE).append(";\n\n");
    s.append("/**\n");
    s.append(" * CodeBuild's {@code ").append(name).append("}: the values this version of buildstop knows.\n");
    s.append(" *\n");
    s.append(" * <p>The set is open: a value a newer CodeBuild sends reads as {@link #UNKNOWN_TO_SDK_VERSION}, while"
        + " the\n");
    s.append(" * member's {@code *AsString()} accessor keeps the raw text, so nothing is lost on a round trip.\n");
    s.append(" */\n");
    s.append("public enum ").append(name).append(" {\n");
    for (String value : openEnum.values()) {
      if (!value.matches("[A-Z][A-Z0-9_]*") || value.equals("UNKNOWN_TO_SDK_VERSION")) {
        throw new IllegalArgumentException(name + ": the wire value " + value + " is not a constant name; teach"
            + " DomainModelWriter to name it");
      }
      s.append("  ").append(value).append(",\n");
    }
    s.append("  /** A value this version does not know; read the raw text from the member's {@code *AsString()}"
        + " accessor. */\n");
    s.append("  UNKNOWN_TO_SDK_VERSION;\n\n");
    s.append("  /** The constant for a wire value, or {@link #UNKNOWN_TO_SDK_VERSION} when this version does not know"
        + " it. */\n");
    s.append("  public static ").append(name).append(" fromValue(String value) {\n");
    s.append("    for (").append(name).append(" candidate : values()) {\n");
    s.append("      if (candidate != UNKNOWN_TO_SDK_VERSION && candidate.name().equals(value)) {\n");
    s.append("        return candidate;\n");
    s.append("      }\n");
    s.append("    }\n");
    s.append("    return UNKNOWN_TO_SDK_VERSION;\n");
    s.append("  }\n\n");
    s.append("  /**\n");
    s.append("   * The value as CodeBuild spells it on the wire.\n");
    s.append("   *\n");
    s.append("   * @throws IllegalArgumentException for {@link #UNKNOWN_TO_SDK_VERSION}, which has no wire form of its"
        + " own\n");
    s.append("   */\n");
    s.append("  public String wireValue() {\n");
    s.append("    if (this == UNKNOWN_TO_SDK_VERSION) {\n");
    s.append("      throw new IllegalArgumentException(\"UNKNOWN_TO_SDK_VERSION has no wire value: set the raw string"
        + " instead\");\n");
    s.append("    }\n");
    s.append("    return name();\n");
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }
}
