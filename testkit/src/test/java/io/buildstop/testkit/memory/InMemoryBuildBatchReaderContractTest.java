package io.buildstop.testkit.memory;

import io.buildstop.testkit.BuildBatchFixture;
import io.buildstop.testkit.BuildBatchReaderContract;

/** The in-memory backend reads batches as the batch reader contract says, no deviations. */
class InMemoryBuildBatchReaderContractTest extends BuildBatchReaderContract {
  @Override
  protected BuildBatchFixture fixture() {
    return InMemoryFixture.create();
  }
}
