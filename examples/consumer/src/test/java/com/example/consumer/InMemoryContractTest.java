package com.example.consumer;

import io.buildstop.testkit.BuildStopperContract;
import io.buildstop.testkit.BuildStopperFixture;
import io.buildstop.testkit.memory.InMemoryFixture;

/** The whole StopBuild contract against the in-memory backend, as the testkit README shows it: three lines. */
class InMemoryContractTest extends BuildStopperContract {
  @Override protected BuildStopperFixture fixture() { return InMemoryFixture.create(); }
}
