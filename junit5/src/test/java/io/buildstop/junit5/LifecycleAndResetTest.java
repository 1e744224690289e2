package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.junit5.samples.InstanceFieldSample;
import io.buildstop.junit5.samples.KeepStateSample;
import io.buildstop.junit5.samples.ResetSample;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** One CodeBuild per class (static) or per test (instance field); state reset before each test unless kept. */
class LifecycleAndResetTest {

  @Test
  void eachTestStartsFromTheSeedsAloneOnTheClasssEndpoint() {
    Samples.run(ResetSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void withTheResetOffATestSeesWhatTheEarlierOnesLeft() {
    Samples.run(KeepStateSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void anInstanceFieldGivesEachTestItsOwnEndpointClosedAfterIt() {
    InstanceFieldSample.ENDPOINTS.clear();

    Samples.run(InstanceFieldSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(InstanceFieldSample.ENDPOINTS).hasSize(2).doesNotHaveDuplicates();
    for (URI endpoint : InstanceFieldSample.ENDPOINTS) {
      assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void theClasssEndpointIsClosedAfterItsLastTest() {
    Samples.run(ResetSample.class);

    URI endpoint = ResetSample.FIRST_ENDPOINT.get();
    assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
        .isInstanceOf(IOException.class);
  }
}
