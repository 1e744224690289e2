package io.buildstop.testkit;

import io.buildstop.api.BuildReader;

/** A {@link BuildStopperFixture} whose backend also reads builds: what {@link BuildReaderContract} needs. */
public interface BuildReaderFixture extends BuildStopperFixture {

  /** The read port under test, over the same builds as {@link #stopper()}. */
  BuildReader reader();
}
