package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildOrder;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A viewer's listing (buildstop's page): ListBuilds' order and tokens, of the builds a filter accepts, in pages of
 * the viewer's size, with the count of those that match.
 */
@DisplayName("the in-memory CodeBuild's filtered listing")
class InMemoryFilteredListingTest {
  private final InMemoryCodeBuild backend = InMemoryCodeBuild.create();

  @Test
  void pagesOfTheAcceptedBuildsFollowEachOtherInListBuildsOrder() {
    for (int i = 0; i < 2_500; i++) {
      backend.startCompletedBuild(i % 2 == 0 ? "even" : "odd", i % 3 == 0 ? StatusType.FAILED : StatusType.SUCCEEDED)
          .get();
    }
    Predicate<Build> failed = build -> build.buildStatusAsString().orElse("").equals("FAILED");

    List<String> seen = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      BuildIdPage page = backend.listBuilds(Optional.of("even"), failed, SortOrderType.DESCENDING, token, 7).get();
      assertThat(page.ids().size()).isLessThanOrEqualTo(7);
      page.ids().forEach(id -> seen.add(id.value()));
      token = page.nextToken();
    } while (token.isPresent());

    List<String> expected = backend.builds().stream()
        .filter(build -> build.projectName().orElseThrow().equals("even")).filter(failed)
        .sorted(BuildOrder.NEWEST_FIRST).map(build -> build.id().orElseThrow()).toList();
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(backend.countBuilds(Optional.of("even"), failed)).isEqualTo(expected.size());
    assertThat(backend.countBuilds(Optional.empty(), build -> true)).isEqualTo(2_500);
  }

  @Test
  void aPageSizeOutsideOneToOneHundredOrAMalformedProjectIsInvalidInput() {
    for (int size : new int[] {0, 101, -1}) {
      assertThat(backend.listBuilds(Optional.empty(), build -> true, SortOrderType.DESCENDING, Optional.empty(), size)
          .getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
    }
    assertThat(backend.listBuilds(Optional.of("-bad"), build -> true, SortOrderType.DESCENDING, Optional.empty(), 5)
        .getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
    assertThat(backend.countBuilds(Optional.of("-bad"), build -> true)).isZero();
  }

  @Test
  void aTokenOfListBuildsContinuesAFilteredListingToo() {
    for (int i = 0; i < 150; i++) {
      backend.startCompletedBuild("tokens", StatusType.SUCCEEDED).get();
    }
    BuildIdPage first = backend.listBuilds(SortOrderType.DESCENDING, Optional.empty()).get();

    BuildIdPage rest = backend.listBuilds(Optional.empty(), build -> true, SortOrderType.DESCENDING,
        first.nextToken(), 100).get();

    assertThat(rest.ids()).hasSize(50).doesNotContainAnyElementsOf(first.ids());
    assertThat(rest.nextToken()).isEmpty();
  }

  @Test
  void batchesAreListedAndCountedTheSameWay() {
    String graph = "version: 0.2\nbatch:\n  build-graph:\n    - identifier: only\n";
    List<BuildId> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      started.add(BuildId.parse(backend.startBuildBatch("batched", graph).get().id().orElseThrow()).get());
    }

    BuildIdPage page = backend.listBuildBatches(Optional.of("batched"), batch -> true, SortOrderType.DESCENDING,
        Optional.empty(), 2).get();

    assertThat(page.ids()).hasSize(2).containsExactly(started.get(4), started.get(3));
    assertThat(page.nextToken()).isPresent();
    assertThat(backend.countBuildBatches(Optional.of("batched"), batch -> !batch.complete().orElse(false)))
        .isEqualTo(5);
  }
}
