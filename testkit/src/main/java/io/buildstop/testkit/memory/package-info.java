/**
 * The contract's fixture for buildstop's own in-memory backend: {@link io.buildstop.testkit.memory.InMemoryFixture}.
 * It is the one part of the testkit that knows a backend, kept apart so that the contract itself favours none.
 */
package io.buildstop.testkit.memory;
