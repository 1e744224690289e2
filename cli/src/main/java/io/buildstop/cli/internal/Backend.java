package io.buildstop.cli.internal;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;

/**
 * The backend a command talks to, opened from its options: its two build ports (StopBuild; BatchGetBuilds and
 * ListBuildsForProject, which {@code stop --wait}, {@code stop-superseded} and {@code stop-runaway} read with), its
 * batch ports, the URL its calls go to (for error messages; empty for the in-memory backend) and
 * what to close when the command is done.
 *
 * @param stopper the StopBuild port, never null
 * @param reader the reading port of the same backend, never null
 * @param batches the batch ports of the same backend, never null
 * @param endpoint the URL calls go to, as the AWS CLI quotes it in errors; empty in memory
 * @param closer what closing the backend runs: closes the client the backend built
 */
public record Backend(BuildStopper stopper, BuildReader reader, BatchPorts batches,
    Optional<String> endpoint, Runnable closer) implements AutoCloseable {

  /** Rejects nulls. */
  public Backend {
    Objects.requireNonNull(stopper, "stopper");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(batches, "batches");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(closer, "closer");
  }

  @Override
  public void close() {
    closer.run();
  }
}
