package com.example.consumer;

import io.buildstop.testkit.BuildReaderContract;
import io.buildstop.testkit.BuildReaderFixture;
import io.buildstop.testkit.memory.InMemoryFixture;

/** The read port's contract against the in-memory backend. */
class InMemoryReaderContractTest extends BuildReaderContract {
  @Override protected BuildReaderFixture fixture() { return InMemoryFixture.create(); }
}
