package io.buildstop.codegen;

import io.buildstop.codegen.Shapes.Kind;
import io.buildstop.codegen.Shapes.Member;
import io.buildstop.codegen.Shapes.Structure;
import java.util.TreeSet;

/**
 * wire's per-shape codecs, {@code <Shape>Codec}: CodeBuild's JSON object of a shape written through a {@code
 * MemberWriter} and read through wire's one {@code MemberReader} (both hand-written, with {@code SentList} and the
 * timestamp rules). The roots' codecs are public, the entry points of the hand-written {@code WireCodec}.
 */
final class WireCodecWriter {
  static final String PACKAGE = "io.buildstop.wire.internal";

  private WireCodecWriter() {}

  static void write(Shapes shapes, Output out) {
    for (Structure shape : shapes.structures()) {
      out.write(PACKAGE, shape.name() + "Codec.java", codec(shape, shapes.isRoot(shape.name())));
    }
  }

  private static String codec(Structure shape, boolean root) {
    String name = shape.name();
    String value = Names.lowerFirst(name);
    String visibility = root ? "public " : "";
    StringBuilder s = new StringBuilder(Names.HEADER);
    s.append("package ").append(PACKAGE).append(";\n\n");
    TreeSet<String> imports = new TreeSet<>();
    imports.add(name);
    for (Member m : shape.members()) {
      if (m.list() && m.kind() == Kind.STRUCTURE) {
        imports.add(m.target());
      }
    }
    for (String type : imports) {
      s.append("import ").append(DomainModelWriter.PACKAGE).append('.').append(type).append(";\n");
    }
    s.append("import io.buildstop.wire.MemberReader;\n");
    if (shape.hasLists()) {
      s.append("import io.buildstop.wire.SentList;\n");
    }
    s.append('\n');
    s.append("/**\n");
    s.append(" * CodeBuild's {@code ").append(name).append("} shape on the wire, member for member in the service"
        + " model's order.\n");
    s.append(" * Generated from the SDK's model by buildstop-codegen. Not an API.\n");
    s.append(" */\n");
    s.append(visibility).append("final class ").append(name).append("Codec {\n\n");
    s.append("  private ").append(name).append("Codec() {}\n\n");
    s.append("  /** Writes the {@code ").append(name).append("}'s members as CodeBuild's JSON object has them. */\n");
    s.append("  ").append(visibility).append("static MemberWriter encode(").append(name).append(' ').append(value)
        .append(", MemberWriter out) {\n");
    s.append("    return out");
    for (Member m : shape.members()) {
      s.append("\n        .").append(encode(m, value));
    }
    s.append(";\n");
    s.append("  }\n\n");
    s.append("  /** The {@code ").append(name).append("} the reader's object describes. */\n");
    s.append("  ").append(visibility).append("static ").append(name).append(" decode(MemberReader in) {\n");
    // lists first, then the rest, in the model's order: the first problem met is the one reported
    for (Member m : shape.members()) {
      if (m.list()) {
        String item = m.kind() == Kind.STRUCTURE ? m.target() : "String";
        String read = m.kind() == Kind.STRUCTURE
            ? "in.objects(\"" + m.wireName() + "\", " + m.target() + "Codec::decode)"
            : "in." + (m.own() ? "uniqueStrings" : "strings") + "(\"" + m.wireName() + "\")";
        s.append("    SentList<").append(item).append("> ").append(local(m)).append(" = ").append(read)
            .append(";\n");
      }
    }
    s.append("    return ").append(name).append(".builder()\n");
    for (Member m : shape.members()) {
      if (m.list()) {
        s.append("        .").append(m.rawName()).append('(').append(local(m)).append(".items()).")
            .append(m.hasName()).append('(').append(local(m)).append(".sent())\n");
      } else {
        s.append("        .").append(m.rawName()).append('(').append(decode(m)).append(")\n");
      }
    }
    s.append("        .build();\n");
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }

  private static String local(Member m) {
    return m.name().equals("in") ? "inList" : m.name();
  }

  private static String encode(Member m, String value) {
    String wire = "\"" + m.wireName() + "\"";
    String get = value + "." + m.rawName() + "()";
    if (m.list()) {
      String has = value + "." + m.hasName() + "()";
      return m.kind() == Kind.STRUCTURE
          ? "objects(" + wire + ", " + get + ", " + has + ", " + m.target() + "Codec::encode)"
          : "strings(" + wire + ", " + get + ", " + has + ")";
    }
    return switch (m.kind()) {
      case STRING, ENUM -> "string(" + wire + ", " + get + ")";
      case BOOLEAN -> "bool(" + wire + ", " + get + ")";
      case INTEGER -> "int32(" + wire + ", " + get + ")";
      case LONG -> "int64(" + wire + ", " + get + ")";
      case TIMESTAMP -> "timestamp(" + wire + ", " + get + ")";
      case STRUCTURE -> "object(" + wire + ", " + get + ", " + m.target() + "Codec::encode)";
    };
  }

  private static String decode(Member m) {
    String wire = "\"" + m.wireName() + "\"";
    return switch (m.kind()) {
      case STRING, ENUM -> "in." + (m.own() ? "uniqueString" : "string") + "(" + wire + ")";
      case BOOLEAN -> "in.bool(" + wire + ")";
      case INTEGER -> "in.int32(" + wire + ")";
      case LONG -> "in.int64(" + wire + ")";
      case TIMESTAMP -> "in.timestamp(" + wire + ")";
      case STRUCTURE -> "in.object(" + wire + ", " + m.target() + "Codec::decode)";
    };
  }
}
