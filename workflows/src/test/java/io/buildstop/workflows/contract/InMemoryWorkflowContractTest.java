package io.buildstop.workflows.contract;

/** The workflows over the in-memory backend pass the whole contract. */
class InMemoryWorkflowContractTest extends WorkflowContract {
  @Override
  protected WorkflowFixture fixture() {
    return new InMemoryWorkflowFixture();
  }
}
