package io.buildstop.memory.buildspec;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BatchSpecFailure;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.testkit.generators.BatchSpecs;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The buildspec reader over generated batch sections and arbitrary text. */
@DisplayName("BatchBuildspecReader")
class BatchBuildspecReaderPropertiesTest {

  /** Pieces of YAML and of batch sections, so that random text often gets past the parser. */
  static final List<String> TOKENS = List.of("batch:", "\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "&a ", "*a",
      "&b ", "*b", "build-graph", "build-list", "build-matrix", "build-fanout", "fast-fail", "identifier", "depend-on",
      "env", "variables", "dynamic", "static", "image", "parallelism", "true", "5", "\"x\"", "'y'", "---", "? ", "!!int ",
      "!!bool ", "#", "|\n", "\t", "\u00e9", "\ud800");

  static Gen<String> yamlish() {
    return Gens.lists(Gens.oneOf(TOKENS), 0, 40).map(tokens -> String.join("", tokens));
  }

  @Test
  void aValidSectionPrintedAsYamlReadsBackEqual() {
    Property.tries(400).forAll(BatchSpecs.batchSpecs(), spec -> {
      assertThat(BatchBuildspecReader.read(BatchSpecYaml.print(spec))).isEqualTo(Either.right(Optional.of(spec)));
    });
  }

  @Test
  void aCyclicGraphPrintedAsYamlIsRefused() {
    Property.tries(200).forAll(BatchSpecs.cyclicGraphs(), graph -> {
      assertThat(BatchBuildspecReader.read(BatchSpecYaml.print(graph)).isLeft()).isTrue();
    });
  }

  @Test
  void arbitraryTextNeverThrowsAndIsReadOrRefused() {
    Property.tries(1000).forAll(Gens.anyStrings(), text -> assertAnswered(BatchBuildspecReader.read(text)));
  }

  @Test
  void yamlLikeTextNeverThrows() {
    Coverage<String> answers = Coverage.of("answers");
    Property.tries(2000).forAll(yamlish(), text -> {
      Either<BatchSpecFailure, Optional<BatchSpec>> answer = BatchBuildspecReader.read(text);
      answers.collect(answer.fold(failure -> failure.reason().kind().statusCode(), read -> "read"));
      assertAnswered(answer);
    });
    // the text gets past the parser often enough for the batch section's own rules to answer too
    answers.requireEach(List.of("read", "YAML_FILE_ERROR", "BATCH_SPEC_VALIDATION_ERROR"));
  }

  @Test
  void aValidSectionCutAnywhereNeverThrows() {
    Property.tries(500).forAll(BatchSpecs.batchSpecs(), Gens.doubles(0, 1), (spec, share) -> {
      String yaml = BatchSpecYaml.print(spec);
      assertAnswered(BatchBuildspecReader.read(yaml.substring(0, (int) (yaml.length() * share))));
    });
  }

  static void assertAnswered(Either<BatchSpecFailure, Optional<BatchSpec>> answer) {
    assertThat(answer).isNotNull();
    answer.swap().forEach(failure -> assertThat(failure.message().chars()).noneMatch(c -> c < 0x20 || c >= 0x7f));
  }
}
