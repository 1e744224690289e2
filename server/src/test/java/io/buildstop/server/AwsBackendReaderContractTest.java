package io.buildstop.server;

import io.buildstop.testkit.BuildReaderContract;
import io.buildstop.testkit.BuildReaderFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The AWS backend pointed at the server reads as the contract says: BatchGetBuilds and ListBuildsForProject through
 * the real AWS SDK for Java v2 and the server's HTTP protocol. One server serves the whole class.
 */
class AwsBackendReaderContractTest extends BuildReaderContract {
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
  protected BuildReaderFixture fixture() {
    return server;
  }
}
