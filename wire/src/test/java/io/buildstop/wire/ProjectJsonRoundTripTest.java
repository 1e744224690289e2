package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** WireCodec.PROJECT: what CreateProject and BatchGetProjects answer, read back as it was written. */
class ProjectJsonRoundTripTest {

  @Test
  void aProjectSurvivesEncodingAndDecoding() {
    Property.tries(1000).forAll(ValueGenerators.projects(), project -> {
      assertThat(WireCodec.PROJECT.decode(WireCodec.PROJECT.encodeToString(project))).isEqualTo(Either.right(project));
      assertThat(WireCodec.PROJECT.decode(WireCodec.PROJECT.encode(project))).isEqualTo(Either.right(project));
    });
  }

  @Test
  void aMemberOfTheWrongTypeIsNamedFromTheProject() {
    assertThat(WireCodec.PROJECT.decode("{\"source\": {\"gitCloneDepth\": \"deep\"}}").getLeft().path())
        .isEqualTo("project.source.gitCloneDepth");
  }
}
