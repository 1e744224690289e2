package io.buildstop.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Property;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A backend that holds every complete build compact ({@code wholeCompleteBuilds(0)}) reads back each build exactly as
 * it was put: the compact form is lossless whatever the build holds, and holds the builds the lifecycle makes.
 */
@DisplayName("InMemoryCodeBuild holding complete builds compact")
class InMemoryCompactBuildsTest {
  private final InMemoryCodeBuild backend =
      InMemoryCodeBuild.builder().maxBuilds(100_000).wholeCompleteBuilds(0).build();

  @Test
  void everyBuildTheLifecycleCompletesReadsBackEqualAndIsHeldCompact() {
    Coverage<Boolean> compacted = Coverage.of("held compact");
    Property.tries(500).forAll(BuildGenerators.completedBuilds(), build -> {
      long before = backend.compactBuilds();
      backend.put(build).get();

      assertThat(backend.build(BuildId.parse(build.id().orElseThrow()).get())).contains(build);
      compacted.collect(backend.compactBuilds() > before);
    });
    // every completed build of the generators follows the lifecycle's patterns, so none needs to stay whole
    compacted.requirePercentage(true, 100);
  }

  @Test
  void aBuildWithArbitraryMembersReadsBackEqualWhetherHeldCompactOrWhole() {
    Coverage<Boolean> compacted = Coverage.of("held compact");
    Property.tries(500).forAll(BuildGenerators.configurations(), build -> {
      long before = backend.compactBuilds();
      backend.put(build).get();

      assertThat(backend.build(BuildId.parse(build.id().orElseThrow()).get())).contains(build);
      if (StopRules.isStoppable(build)) {
        return;
      }
      compacted.collect(backend.compactBuilds() > before);
    });
    // arbitrary phases and times rarely follow the lifecycle (a duration that does not match its times): both
    // forms are reached
    compacted.requireEach(java.util.List.of(true, false));
  }
}
