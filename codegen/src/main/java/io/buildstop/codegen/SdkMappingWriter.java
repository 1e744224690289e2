package io.buildstop.codegen;

import io.buildstop.codegen.Shapes.Kind;
import io.buildstop.codegen.Shapes.Member;
import io.buildstop.codegen.Shapes.Structure;
import java.util.List;
import java.util.TreeSet;

/**
 * backend-aws's {@code SdkToDomain} and {@code DomainToSdk}: the SDK's model as the domain's and back, member for
 * member, so that {@code toSdk(toDomain(build))} equals {@code build}.
 */
final class SdkMappingWriter {
  static final String PACKAGE = "io.buildstop.aws.internal";

  private SdkMappingWriter() {}

  static void write(Shapes shapes, Output out) {
    out.write(PACKAGE, "SdkToDomain.java", sdkToDomain(shapes));
    out.write(PACKAGE, "DomainToSdk.java", domainToSdk(shapes));
  }

  private static String sdk(String shape) {
    return SdkModel.PACKAGE + "." + shape;
  }

  private static void imports(StringBuilder s, Shapes shapes, String... more) {
    TreeSet<String> imports = new TreeSet<>(List.of(more));
    for (Structure structure : shapes.structures()) {
      imports.add(DomainModelWriter.PACKAGE + "." + structure.name());
    }
    for (String name : imports) {
      s.append("import ").append(name).append(";\n");
    }
  }

  private static String sdkToDomain(Shapes shapes) {
    StringBuilder s = new StringBuilder(Names.HEADER);
    s.append("package ").append(PACKAGE).append(";\n\n");
    imports(s, shapes, "java.util.Optional");
    s.append("""

        /**
         * The SDK's CodeBuild model as the domain's, member for member: null becomes empty, an enum the SDK does not know
         * keeps its raw string ({@code *AsString()}), timestamps keep their precision, and the SDK's {@code hasX()} tells
         * an empty list CodeBuild sent from an absent one. Generated from the SDK's model by buildstop-codegen; the only
         * place where the SDK's nulls are handled.
         */
        public final class SdkToDomain {
          private SdkToDomain() {}

        """);
    for (String root : shapes.roots()) {
      s.append(shapes.roots().get(0).equals(root) ? "" : "\n");
      s.append("  /** A whole ").append(Names.lowerFirst(root)).append("; an entry point. */\n");
      s.append("  public static ").append(root).append(" toDomain(").append(sdk(root)).append(" sdk) {\n");
      s.append("    return ").append(Names.lowerFirst(root)).append("(sdk);\n");
      s.append("  }\n");
    }
    for (Structure shape : shapes.structures()) {
      String name = shape.name();
      s.append("\n  /** CodeBuild's {@code ").append(name).append("} as the SDK read it, as the domain's {@link ")
          .append(name).append("}. */\n");
      s.append("  static ").append(name).append(' ').append(Names.lowerFirst(name)).append('(').append(sdk(name))
          .append(" sdk) {\n");
      s.append("    return ").append(name).append(".builder()\n");
      for (Member m : shape.members()) {
        s.append("        .").append(m.rawName()).append('(').append(fromSdk(m)).append(")\n");
        if (m.list()) {
          s.append("        .").append(m.hasName()).append("(sdk.").append(m.hasName()).append("())\n");
        }
      }
      s.append("        .build();\n");
      s.append("  }\n");
    }
    s.append("}\n");
    return s.toString();
  }

  private static String fromSdk(Member m) {
    // the SDK's accessor for the raw data: xAsString()/xAsStrings() where the SDK types the enum itself
    String getter = "sdk." + (m.kind() == Kind.ENUM && m.sdkEnum() ? m.rawName() : m.name()) + "()";
    if (m.list()) {
      return m.kind() == Kind.STRUCTURE
          ? getter + ".stream().map(SdkToDomain::" + Names.lowerFirst(m.target()) + ").toList()"
          : getter;
    }
    return m.kind() == Kind.STRUCTURE
        ? "Optional.ofNullable(" + getter + ").map(SdkToDomain::" + Names.lowerFirst(m.target()) + ")"
        : "Optional.ofNullable(" + getter + ")";
  }

  private static String domainToSdk(Shapes shapes) {
    StringBuilder s = new StringBuilder(Names.HEADER);
    s.append("package ").append(PACKAGE).append(";\n\n");
    imports(s, shapes);
    s.append("""

        /**
         * The domain's CodeBuild model as the SDK's, member for member: the reverse of {@link SdkToDomain}, so that
         * {@code toSdk(toDomain(build))} equals {@code build}. Generated from the SDK's model by buildstop-codegen.
         */
        public final class DomainToSdk {
          private DomainToSdk() {}

        """);
    for (String root : shapes.roots()) {
      s.append(shapes.roots().get(0).equals(root) ? "" : "\n");
      s.append("  /** A whole ").append(Names.lowerFirst(root)).append("; an entry point. */\n");
      s.append("  public static ").append(sdk(root)).append(" toSdk(").append(root).append(" domain) {\n");
      s.append("    return ").append(Names.lowerFirst(root)).append("(domain);\n");
      s.append("  }\n");
    }
    for (Structure shape : shapes.structures()) {
      String name = shape.name();
      s.append("\n  /** The domain's {@link ").append(name).append("} as the SDK's {@code ").append(name)
          .append("}. */\n");
      s.append("  static ").append(sdk(name)).append(' ').append(Names.lowerFirst(name)).append('(').append(name)
          .append(" domain) {\n");
      s.append("    ").append(sdk(name)).append(".Builder sdk = ").append(sdk(name)).append(".builder();\n");
      for (Member m : shape.members()) {
        // the SDK's setter that takes the raw data: xWithStrings(...) for a list of enums
        String setter = m.kind() == Kind.ENUM && m.list() ? m.name() + "WithStrings" : m.name();
        if (m.list()) {
          String items = m.kind() == Kind.STRUCTURE
              ? "domain." + m.name() + "().stream().map(DomainToSdk::" + Names.lowerFirst(m.target()) + ").toList()"
              : "domain." + m.rawName() + "()";
          s.append("    if (domain.").append(m.hasName()).append("()) {\n");
          s.append("      sdk.").append(setter).append('(').append(items).append(");\n");
          s.append("    }\n");
        } else if (m.kind() == Kind.STRUCTURE) {
          s.append("    domain.").append(m.name()).append("().map(DomainToSdk::").append(Names.lowerFirst(m.target()))
              .append(").ifPresent(sdk::").append(setter).append(");\n");
        } else {
          s.append("    domain.").append(m.rawName()).append("().ifPresent(sdk::").append(setter).append(");\n");
        }
      }
      s.append("    return sdk.build();\n");
      s.append("  }\n");
    }
    s.append("}\n");
    return s.toString();
  }
}
