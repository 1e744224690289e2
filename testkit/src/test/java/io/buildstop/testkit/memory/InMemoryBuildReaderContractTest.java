package io.buildstop.testkit.memory;

import io.buildstop.testkit.BuildReaderContract;
import io.buildstop.testkit.BuildReaderFixture;

/** The in-memory backend reads as the contract says. */
class InMemoryBuildReaderContractTest extends BuildReaderContract {
  @Override
  protected BuildReaderFixture fixture() {
    return InMemoryFixture.create();
  }
}
