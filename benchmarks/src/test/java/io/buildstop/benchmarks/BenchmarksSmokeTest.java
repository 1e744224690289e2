package io.buildstop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.SdkBuilds;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each benchmark's setup and body runs once, without JMH and without timing anything. */
class BenchmarksSmokeTest {

  @Test
  void theWireBenchmarkDecodesAndEncodesTheCapturedResponse() throws Exception {
    WireBenchmark wire = new WireBenchmark();
    wire.fixture();
    assertThat(wire.decodeText().get().builds()).hasSize(2);
    assertThat(wire.decodeTree().get()).isEqualTo(wire.decodeText().get());
    assertThat(wire.encodeText()).contains("codebuild-demo-project");
    assertThat(wire.encodeTree().get("builds").size()).isEqualTo(2);
  }

  @Test
  void theMappingBenchmarkMapsAFullyPopulatedBuildBothWays() {
    MappingBenchmark mapping = new MappingBenchmark();
    mapping.builds();
    assertThat(mapping.sdkToDomain().secondaryArtifacts()).hasSize(2);
    assertThat(mapping.domainToSdk()).isEqualTo(mapping.sdk);
    assertThat(SdkBuilds.toDomain(mapping.domainToSdk())).isEqualTo(mapping.domain);
  }

  @Test
  void theStopRuleBenchmarkStopsTheRunningBuildAndKeepsTheCompleteOne() {
    StopRulesBenchmark rules = new StopRulesBenchmark();
    rules.builds();
    assertThat(rules.stopRunning().buildStatus()).contains(StatusType.STOPPED);
    assertThat(rules.stopComplete()).isSameAs(rules.stopped);
  }

  @Test
  void theStopBenchmarkStopsTheRunningBuildAndLeavesTheStoppedOnes() {
    StopBenchmark.Store store = new StopBenchmark.Store();
    store.storeSize = 3;
    store.history = InMemoryCodeBuild.Builder.DEFAULT_STOP_CALL_HISTORY;
    store.builds();
    store.seed();
    StopBenchmark.Mine mine = new StopBenchmark.Mine();
    mine.build(0);
    StopBenchmark.Restored restored = new StopBenchmark.Restored();
    StopBenchmark benchmark = new StopBenchmark();

    assertThat(benchmark.restore1Thread(store, mine).get().buildStatus()).contains(StatusType.IN_PROGRESS);
    assertThat(benchmark.transition1Thread(store, mine, restored).get().buildStatus()).contains(StatusType.STOPPED);
    restored.restore(store, mine);
    assertThat(benchmark.transition2Threads(store, mine, restored).get().buildStatus()).contains(StatusType.STOPPED);
    for (int i = 0; i < 4; i++) {
      assertThat(benchmark.noop1Thread(store, mine).get()).isIn((Object[]) store.builds);
    }
    assertThat(benchmark.contended2Threads(store).get()).isSameAs(store.builds[0]);
  }

  @Test
  void withOneListenerTheStopBenchmarksTransitionIsHeardButTheSeedingIsNot() {
    StopBenchmark.Store store = new StopBenchmark.Store();
    store.storeSize = 3;
    store.history = 0;
    store.listeners = 1;
    store.builds();
    store.seed();
    StopBenchmark.Mine mine = new StopBenchmark.Mine();
    mine.build(0);
    StopBenchmark.Restored restored = new StopBenchmark.Restored();
    assertThat(store.backend.awaitEventDelivery(Duration.ofSeconds(10))).isTrue();
    assertThat(store.heard.sum()).isZero();

    restored.restore(store, mine);
    new StopBenchmark().transition1Thread(store, mine, restored);

    assertThat(store.backend.awaitEventDelivery(Duration.ofSeconds(10))).isTrue();
    assertThat(store.heard.sum()).isPositive();
  }

  @Test
  void theSeededTemplatesAreARunningBuildAndTheCapturedStoppedOne() {
    Build running = Seeding.runningTemplate();
    assertThat(running.buildStatus()).contains(StatusType.IN_PROGRESS);
    assertThat(Seeding.capturedStoppedBuild().buildStatus()).contains(StatusType.STOPPED);
    assertThat(Seeding.withId(running, "p:1").arn()).contains("arn:aws:codebuild:us-east-1:123456789012:build/p:1");
  }

  @Test
  void theServerAllocationMeasureStopsBuildsOverHttpOnOurServerAndTheCeiling() throws Exception {
    // a few requests each way: main throws on any answer but a 200 with a Content-Length
    ServerAllocation.main(new String[] {"3", "5", "1"});
    ServerAllocation.main(new String[] {"3", "5", "1", "ceiling"});
    // and on the Jetty candidate, the same dispatcher on another engine (BENCHMARKS.md, "Server engines")
    ServerAllocation.main(new String[] {"3", "5", "1", "jetty"});
  }

  @Test
  void theCeilingBodyIsTwoKilobytesOfJson() {
    assertThat(Ceiling.BODY).hasSize(2048);
    assertThat(new String(Ceiling.BODY, StandardCharsets.UTF_8)).startsWith("{").endsWith("}");
  }
}
