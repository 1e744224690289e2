package io.buildstop.testkit.memory;

import io.buildstop.testkit.BuildBatchFixture;
import io.buildstop.testkit.BuildBatchStopperContract;

/** The in-memory backend passes the whole batch contract, no deviations. */
class InMemoryBuildBatchContractTest extends BuildBatchStopperContract {
  @Override
  protected BuildBatchFixture fixture() {
    return InMemoryFixture.create();
  }
}
