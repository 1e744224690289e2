package io.buildstop.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * The entry point the consuming modules run at generate-sources: {@code Generate TARGET OUTPUT_DIR}, where TARGET
 * is {@code domain}, {@code aws}, {@code wire} or {@code testkit} and OUTPUT_DIR the source root to write
 * (target/generated-sources/codegen). See codegen/README.md.
 */
public final class Generate {
  private static final List<String> TARGETS = List.of("domain", "aws", "wire", "testkit");

  private Generate() {}

  /**
   * Generates one module's sources.
   *
   * @param args the target and the output directory
   */
  public static void main(String[] args) {
    if (args.length != 2 || !TARGETS.contains(args[0])) {
      throw new IllegalArgumentException("usage: Generate " + String.join("|", TARGETS) + " OUTPUT_DIR");
    }
    Description description = Description.load();
    Shapes shapes = SdkModel.read(description);
    Output out = new Output(Path.of(args[1]));
    switch (args[0]) {
      case "domain" -> DomainModelWriter.write(shapes, out);
      case "aws" -> SdkMappingWriter.write(shapes, out);
      case "wire" -> WireCodecWriter.write(shapes, out);
      case "testkit" -> GeneratorWriter.write(shapes, description, out);
      default -> throw new IllegalStateException(args[0]);
    }
    out.deleteStale();
  }
}
