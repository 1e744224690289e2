package io.buildstop.testkit.memory;

import io.buildstop.testkit.BuildStopperContract;
import io.buildstop.testkit.BuildStopperFixture;

/** The in-memory backend passes the whole contract, no deviations. */
class InMemoryCodeBuildContractTest extends BuildStopperContract {
  @Override
  protected BuildStopperFixture fixture() {
    return InMemoryFixture.create();
  }
}
