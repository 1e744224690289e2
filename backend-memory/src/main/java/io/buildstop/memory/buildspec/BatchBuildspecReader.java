package io.buildstop.memory.buildspec;

import io.buildstop.domain.BatchSpecFailure;
import io.buildstop.domain.InvalidBatchSpecReason;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchValidation;
import io.vavr.control.Either;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the {@code batch} section of a buildspec (the text of {@code buildspecOverride} on StartBuildBatch, or of a
 * project's inline buildspec) into a validated {@link BatchSpec}, as CodeBuild does before it starts a batch's builds.
 *
 * <p>YAML 1.2 (core schema) through snakeyaml-engine; the rest of the buildspec is not read. The reader is bounded,
 * whatever the text: at most {@link #MAX_CODE_POINTS} code points, {@link #MAX_DEPTH} levels of nesting and
 * {@link #MAX_ALIASES} aliases, so a YAML bomb or a deeply nested document is refused, never expanded
 * (docs/batch-buildspec.md).
 */
public final class BatchBuildspecReader {

  /**
   * The longest buildspec read, in code points (buildstop's policy: 256 Ki, many times a real buildspec, and read in a
   * fraction of a second; a mebi took seconds on a busy 2-core machine).
   */
  public static final int MAX_CODE_POINTS = 1 << 18;

  /** The deepest nesting of mappings and sequences read (buildstop's policy; a batch section needs six). */
  public static final int MAX_DEPTH = 64;

  /** The most aliases ({@code *name}) read in one buildspec (buildstop's policy). */
  public static final int MAX_ALIASES = 50;

  private static final LoadSettings SETTINGS = LoadSettings.builder()
      .setLabel("buildspec")
      .setSchema(new CoreSchema())
      .setCodePointLimit(MAX_CODE_POINTS)
      .setMaxAliasesForCollections(MAX_ALIASES)
      .setAllowRecursiveKeys(false)
      .setAllowDuplicateKeys(false)
      .setUseMarks(true)
      .build();

  private BatchBuildspecReader() {}

  /**
   * Reads and validates the batch section of a buildspec.
   *
   * @param buildspec the buildspec's text
   * @return the section ({@link BatchValidation#validate(BatchSpec)} passed), empty when the buildspec has no
   *     {@code batch} member, or the first rule it breaks, as {@link BatchSpecFailure}; never throws
   */
  public static Either<BatchSpecFailure, Optional<BatchSpec>> read(String buildspec) {
    if (buildspec.codePointCount(0, buildspec.length()) > MAX_CODE_POINTS) {
      return Either.left(BatchSpecFailure.at(InvalidBatchSpecReason.TOO_LARGE, "",
          "more than " + MAX_CODE_POINTS + " code points"));
    }
    Optional<Node> root;
    try {
      Optional<BatchSpecFailure> tooLarge = checkBounds(buildspec);
      if (tooLarge.isPresent()) {
        return Either.left(tooLarge.get());
      }
      root = new Composer(SETTINGS, parser(buildspec)).getSingleNode();
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
      // snakeyaml-engine reports malformed text with these; its message shows the place and the problem
      return Either.left(BatchSpecFailure.at(InvalidBatchSpecReason.MALFORMED_YAML, "", firstLine(e)));
    }
    try {
      Optional<BatchSpec> spec = root.flatMap(BatchSection::read);
      if (spec.isEmpty()) {
        return Either.right(Optional.empty());
      }
      return BatchValidation.validate(spec.get()).map(Optional::of);
    } catch (BatchSection.Refusal refusal) {
      return Either.left(refusal.failure());
    }
  }

  // one pass over the parser's events before any node is built: nesting and aliases are counted, not followed
  private static Optional<BatchSpecFailure> checkBounds(String buildspec) {
    int depth = 0;
    int aliases = 0;
    Parser events = parser(buildspec);
    while (events.hasNext()) {
      Event event = events.next();
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            return Optional.of(BatchSpecFailure.at(InvalidBatchSpecReason.TOO_LARGE, "",
                "nesting deeper than " + MAX_DEPTH));
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        case Alias -> {
          if (++aliases > MAX_ALIASES) {
            return Optional.of(BatchSpecFailure.at(InvalidBatchSpecReason.TOO_LARGE, "",
                "more than " + MAX_ALIASES + " aliases"));
          }
        }
        default -> { }
      }
    }
    return Optional.empty();
  }

  // the packages snakeyaml-engine's module exports, so that the reader also runs on the module path (its
  // api.lowlevel helpers are not exported)
  private static Parser parser(String buildspec) {
    return new ParserImpl(SETTINGS, new StreamReader(SETTINGS, buildspec));
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
