package io.buildstop.server;

import io.buildstop.testkit.BuildStopperFixture;
import io.buildstop.testkit.BuildStopperProperties;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The AWS backend pointed at the server satisfies the contract's properties; one server for all tries. */
class AwsBackendPropertiesTest extends BuildStopperProperties {
  private static ServerFixture server;

  @BeforeContainer
  static void startTheServer() {
    server = new ServerFixture();
  }

  @AfterContainer
  static void stopTheServer() {
    server.close();
  }

  @Override
  protected BuildStopperFixture fixture() {
    return server;
  }
}
