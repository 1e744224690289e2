package io.buildstop.workflows.contract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The batch workflow contract over the AWS backend pointed at the local endpoint: every read and stop crosses the
 * real AWS SDK for Java v2 and HTTP. One endpoint serves the whole class.
 */
class AwsBatchWorkflowContractTest extends BatchWorkflowContract {
  private static AwsWorkflowFixture endpoint;

  @BeforeAll
  static void startTheEndpoint() {
    endpoint = new AwsWorkflowFixture();
  }

  @AfterAll
  static void stopTheEndpoint() {
    endpoint.close();
  }

  @Override
  protected BatchWorkflowFixture fixture() {
    return endpoint;
  }
}
