package io.buildstop.workflows.contract;

/** The batch workflows over the in-memory backend pass the whole batch contract. */
class InMemoryBatchWorkflowContractTest extends BatchWorkflowContract {
  @Override
  protected BatchWorkflowFixture fixture() {
    return new InMemoryWorkflowFixture();
  }
}
