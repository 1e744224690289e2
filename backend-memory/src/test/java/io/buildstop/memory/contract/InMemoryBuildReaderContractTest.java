package io.buildstop.memory.contract;

import io.buildstop.testkit.BuildReaderContract;
import io.buildstop.testkit.BuildReaderFixture;

/** The in-memory backend reads as the contract says. */
class InMemoryBuildReaderContractTest extends BuildReaderContract {
  @Override
  protected BuildReaderFixture fixture() {
    return new InMemoryFixture();
  }
}
