package io.buildstop.junit5.samples;

import io.buildstop.junit5.CodeBuildTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** In-process only: asking for an SDK client fails the test, saying why. */
@CodeBuildTest(endpoint = false)
public class InProcessSample {
  @Test
  void asksForAClient(CodeBuildClient client) {
    client.listBuilds();
  }
}
