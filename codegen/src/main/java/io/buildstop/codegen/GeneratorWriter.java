package io.buildstop.codegen;

import io.buildstop.codegen.Shapes.Member;
import io.buildstop.codegen.Shapes.Structure;
import java.util.TreeSet;

/**
 * The testkit's {@code ValueGenerators}: one QuickTheories generator per shape, built member by member through the
 * shape's builder ({@code Members}), every member drawn from the generator for its type, or the one the description
 * names. Its scalar generators ({@code text()}, {@code instants()}, {@code wireValues(...)}, ...) are inherited from
 * the hand-written {@code MemberValues}.
 */
final class GeneratorWriter {
  static final String PACKAGE = "io.buildstop.testkit.generators";
  static final String CLASS = "ValueGenerators";

  private GeneratorWriter() {}

  static void write(Shapes shapes, Description description, Output out) {
    out.write(PACKAGE, CLASS + ".java", generators(shapes, description));
  }

  /** The generator method's name: the shape's, lower-case first and plural in English ({@code buildBatches}). */
  static String plural(String shape) {
    String name = Names.lowerFirst(shape);
    if (name.endsWith("us") || name.endsWith("ch") || name.endsWith("sh") || name.endsWith("x")) {
      return name + "es";
    }
    if (name.matches(".*[^aeiou]y")) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    return name.endsWith("s") ? name : name + "s";
  }

  private static String generators(Shapes shapes, Description description) {
    TreeSet<String> imports = new TreeSet<>();
    imports.add("org.quicktheories.core.Gen");
    for (Structure shape : shapes.structures()) {
      imports.add(DomainModelWriter.PACKAGE + "." + shape.name());
      for (Member m : shape.members()) {
        if (m.kind() == Shapes.Kind.ENUM) {
          imports.add(DomainModelWriter.PACKAGE + "." + m.target());
        }
      }
    }
    StringBuilder s = new StringBuilder(Names.HEADER);
    s.append("package ").append(PACKAGE).append(";\n\n");
    for (String name : imports) {
      s.append("import ").append(name).append(";\n");
    }
    s.append("""

        /**
         * Generators for every value type a {@link io.buildstop.domain.model.Build}, a {@link
         * io.buildstop.domain.model.Project} or a {@link io.buildstop.domain.model.BuildBatch} holds, and for
         * {@code Project} and {@code BuildBatch} themselves, each built through its Immutables builder with every
         * member optional (present with {@link Members#PRESENT}), every list absent, present-empty or filled, and every
         * enum-typed member a raw string that is, now and then, one this version does not know.
         *
         * <p>The values are arbitrary, not necessarily consistent with each other: for codecs and mappings. Builds in real
         * states come from {@link BuildGenerators}, batches from {@link BatchGenerators}. Enum-typed members are set through their {@code *AsString} builder
         * methods, so unknown values from a newer CodeBuild appear as they would on the wire (spec §2). Generated from the
         * AWS SDK's CodeBuild model by buildstop-codegen, one generator per shape; the scalar generators are
         * {@code MemberValues}'.
         */
        public final class ValueGenerators extends MemberValues {
          private ValueGenerators() {}
        """);
    for (Structure shape : shapes.structures()) {
      // the first root's (Build's) generator is wrapped by the hand-written BuildGenerators, which makes builds in real
      // states; the other roots' generators are public like every nested shape's
      boolean root = shape.name().equals(shapes.roots().get(0));
      String name = shape.name();
      String method = plural(name);
      String visibility = root ? "" : "public ";
      String members = String.join(", ", shape.members().stream().map(Member::name).toList());
      if (root) {
        s.append("\n  // the root's generator: BuildGenerators.anyBuilds\n");
      } else {
        s.append("\n  /** {@link ").append(name).append("}: ").append(members).append(". */\n");
        s.append("  public static Gen<").append(name).append("> ").append(method).append("() {\n");
        s.append("    return ").append(method).append("(Presence.SOME);\n");
        s.append("  }\n\n");
        s.append("  /** {@link #").append(method).append("()} with as many members set as {@code presence} says. */\n");
      }
      s.append("  ").append(visibility).append("static Gen<").append(name).append("> ").append(method)
          .append("(Presence presence) {\n");
      s.append("    return Members.of(").append(name).append("::builder, presence)\n");
      for (Member m : shape.members()) {
        String key = name + "." + m.name();
        String values = values(m, description.generators.get(key));
        if (m.list()) {
          String max = description.listSizes.getOrDefault(key, "FEW");
          s.append("        .list(").append(values).append(", ").append(max).append(", (b, v) -> b.")
              .append(m.rawName()).append("(v), (b, v) -> b.").append(m.hasName()).append("(v))\n");
        } else {
          s.append("        .optional(").append(values).append(", (b, v) -> b.").append(m.rawName())
              .append("(v))\n");
        }
      }
      s.append("        .build(").append(name).append(".Builder::build);\n");
      s.append("  }\n");
    }
    s.append("}\n");
    return s.toString();
  }

  private static String values(Member m, String named) {
    if (named != null) {
      return named + "()";
    }
    return switch (m.kind()) {
      case STRING -> "text()";
      case ENUM -> "wireValues(" + m.target() + ".class)";
      case BOOLEAN -> "flags()";
      case INTEGER -> "ints()";
      case LONG -> "longs()";
      case TIMESTAMP -> "instants()";
      case STRUCTURE -> plural(m.target()) + "(presence)";
    };
  }
}
