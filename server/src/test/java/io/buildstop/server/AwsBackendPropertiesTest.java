package io.buildstop.server;

import io.buildstop.testkit.BuildStopperFixture;
import io.buildstop.testkit.BuildStopperProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The AWS backend pointed at the server satisfies the contract's properties; one server for all tries. */
class AwsBackendPropertiesTest extends BuildStopperProperties {
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
