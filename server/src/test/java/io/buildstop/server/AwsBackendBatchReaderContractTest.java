package io.buildstop.server;

import io.buildstop.testkit.BuildBatchFixture;
import io.buildstop.testkit.BuildBatchReaderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The AWS backend pointed at the server reads batches as the contract says: BatchGetBuildBatches, ListBuildBatches
 * and ListBuildBatchesForProject through the real AWS SDK for Java v2 and the server's HTTP protocol. One server
 * serves the whole class.
 */
class AwsBackendBatchReaderContractTest extends BuildBatchReaderContract {
  private static ServerFixture server;

  @BeforeAll
  static void startTheServer() {
    server = new ServerFixture();
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  @Override
  protected BuildBatchFixture fixture() {
    return server;
  }
}
