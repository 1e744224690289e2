package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.examples.EmbeddingExample;
import org.junit.jupiter.api.Test;

/** The README's embedding example, built against the published jars, stops the build it started. */
class EmbeddingExampleTest {

  @Test
  void stopsTheBuildItStartedAgainstThePublishedJars() {
    assertThat(EmbeddingExample.run())
        .startsWith("my-demo-project:")
        .endsWith(" is STOPPED in phase COMPLETED, complete: true");
  }
}
