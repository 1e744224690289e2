/**
 * How the workflows work inside: retries with backoff, reading a project's builds page by page, stopping with
 * bounded concurrency. Not for users: nothing here is a stable API.
 */
package io.buildstop.workflows.internal;
