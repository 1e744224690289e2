/**
 * An in-memory CodeBuild: {@link io.buildstop.memory.InMemoryCodeBuild}, the {@code BuildStopper}
 * for tests and embedding, with a seeding API to put builds in any real state and the hooks a fake needs.
 */
package io.buildstop.memory;
