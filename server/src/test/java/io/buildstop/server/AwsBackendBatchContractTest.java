package io.buildstop.server;

import io.buildstop.testkit.BuildBatchFixture;
import io.buildstop.testkit.BuildBatchStopperContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The AWS backend pointed at the server passes the whole StopBuildBatch contract, no deviations: every stop and read
 * goes through the real AWS SDK for Java v2 and the server's HTTP protocol, against batches seeded into the
 * server's in-memory CodeBuild (moto has no batches). One server serves the whole class.
 */
class AwsBackendBatchContractTest extends BuildBatchStopperContract {
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
