package io.buildstop.server;

import io.buildstop.testkit.BuildStopperContract;
import io.buildstop.testkit.BuildStopperFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The AWS backend pointed at the server passes the whole contract, no deviations: every stop goes through the
 * real AWS SDK for Java v2 and the server's HTTP protocol, against builds seeded in any phase. One server serves
 * the whole class.
 */
class AwsBackendContractTest extends BuildStopperContract {
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
  protected BuildStopperFixture fixture() {
    return server;
  }
}
