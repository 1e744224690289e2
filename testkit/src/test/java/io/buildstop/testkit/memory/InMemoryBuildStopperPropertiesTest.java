package io.buildstop.testkit.memory;

import io.buildstop.testkit.BuildStopperFixture;
import io.buildstop.testkit.BuildStopperProperties;

/** The in-memory backend satisfies the contract's properties. */
class InMemoryCodeBuildPropertiesTest extends BuildStopperProperties {
  @Override
  protected BuildStopperFixture fixture() {
    return InMemoryFixture.create();
  }
}
