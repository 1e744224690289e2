package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ListBuilds and ListBuildsForProject in either order with one paging scheme, and StartBuild in one step. */
class InMemoryListingAndStartTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).build();

  private String start(String project) {
    clock.advance(Duration.ofSeconds(1));
    return codeBuild.startBuild(project).get().id().orElseThrow();
  }

  private static List<String> values(BuildIdPage page) {
    return page.ids().stream().map(BuildId::value).toList();
  }

  @Nested
  class Listing {

    @Test
    void listBuildsHandsOutEveryProjectsBuildsNewestFirstUnlessAscending() {
      String first = start("web");
      String second = start("api");
      String third = start("web");

      assertThat(values(codeBuild.listBuilds(SortOrderType.DESCENDING, Optional.empty()).get()))
          .containsExactly(third, second, first);
      assertThat(values(codeBuild.listBuilds(SortOrderType.ASCENDING, Optional.empty()).get()))
          .containsExactly(first, second, third);
      assertThat(values(codeBuild.listBuildsForProject("web", SortOrderType.ASCENDING, Optional.empty()).get()))
          .containsExactly(first, third);
    }

    @Test
    void pagesOfAHundredFollowEachOtherWithoutOverlapEvenWhenNewerBuildsStartInBetween() {
      List<String> started = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        started.add(start("web"));
      }
      BuildIdPage first = codeBuild.listBuilds(SortOrderType.ASCENDING, Optional.empty()).get();
      start("web");
      BuildIdPage second = codeBuild.listBuilds(SortOrderType.ASCENDING, first.nextToken()).get();

      assertThat(values(first)).containsExactlyElementsOf(started.subList(0, 100));
      assertThat(first.nextToken()).isPresent();
      assertThat(values(second)).hasSize(51).startsWith(started.subList(100, 150).toArray(String[]::new));
      assertThat(second.nextToken()).isEmpty();
    }

    @Test
    void aBuildWithoutAStartTimeIsTheOldest() {
      String started = start("web");
      Build seeded = Build.builder().id("web:00000000-0000-4000-8000-000000000001").projectName("web").build();
      codeBuild.put(seeded).get();

      assertThat(values(codeBuild.listBuildsForProject("web", SortOrderType.DESCENDING, Optional.empty()).get()))
          .containsExactly(started, seeded.id().orElseThrow());
    }

    @Test
    void aTokenThisListingDidNotHandOutIsInvalidInput() {
      start("web");

      assertThat(codeBuild.listBuilds(SortOrderType.DESCENDING, Optional.of("not-a-token")).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class)
          .extracting(StopFailure::message).isEqualTo("The value of nextToken is not valid");
    }
  }

  @Nested
  class AtomicStartBuild {

    @Test
    void theMembersThatNameTheNewBuildAreStoredWithIt() {
      Build started = codeBuild.startBuild(Build.builder().projectName("web").build(),
          build -> build.withInitiator("stream/" + BuildId.parse(build.id().orElseThrow()).get().buildUuid())).get();

      assertThat(codeBuild.build(BuildId.parse(started.id().orElseThrow()).get())).contains(started);
      assertThat(started.initiator()).hasValueSatisfying(initiator -> assertThat(initiator).startsWith("stream/"));
    }

    @Test
    void noReaderSeesTheBuildBeforeItsMembersAreSet() throws Exception {
      CountDownLatch inside = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        Future<Build> starting = pool.submit(() -> codeBuild.startBuild(Build.builder().projectName("web").build(),
            build -> {
              inside.countDown();
              await(release);
              return build.withInitiator("complete");
            }).get());
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(codeBuild.builds()).isEmpty();
        release.countDown();
        Build started = starting.get(10, TimeUnit.SECONDS);
        assertThat(codeBuild.stopBuild(started.id().orElseThrow()).get().initiator()).contains("complete");
      } finally {
        release.countDown();
        pool.shutdownNow();
      }
    }

    @Test
    void aCompletionThatChangesTheBuildsIdentityStoresNothing() {
      io.vavr.control.Either<StopFailure, Build> result = codeBuildStartChangingTheId();

      assertThat(result.isLeft()).isTrue();
      assertThat(codeBuild.builds()).isEmpty();
    }

    @Test
    void aCompletionThatThrowsIsUnavailableAndStoresNothing() {
      var result = codeBuild.startBuild(Build.builder().projectName("web").build(), build -> {
        throw new IllegalStateException("boom");
      });

      assertThat(result.getLeft()).isInstanceOf(StopFailure.Unavailable.class);
      assertThat(codeBuild.builds()).isEmpty();
    }

    private io.vavr.control.Either<StopFailure, Build> codeBuildStartChangingTheId() {
      return codeBuild.startBuild(Build.builder().projectName("web").build(),
          build -> build.withBuildStatus(StatusType.SUCCEEDED).withId("web:00000000-0000-4000-8000-000000000002"));
    }
  }

  @Nested
  class IdempotentStartBuild {
    private final Build configuration = Build.builder().projectName("web").build();

    private io.vavr.control.Either<StopFailure, Build> start(String token, String parameters) {
      return codeBuild.startBuild(configuration, build -> build, token, parameters);
    }

    @Test
    void theSameTokenAndParametersWithinFiveMinutesAnswerTheFirstBuildAsItIsNowAndStartNothing() {
      Build first = start("token-1", "{\"projectName\":\"web\"}").get();
      codeBuild.stopBuild(first.id().orElseThrow()).get();
      clock.advance(Duration.ofMinutes(4));

      Build again = start("token-1", "{\"projectName\":\"web\"}").get();

      assertThat(again.id()).isEqualTo(first.id());
      assertThat(again.buildStatus()).contains(StatusType.STOPPED);
      assertThat(codeBuild.builds()).hasSize(1);
    }

    @Test
    void theSameTokenWithOtherParametersIsAParameterMismatchAndStartsNothing() {
      start("token-1", "{\"projectName\":\"web\"}").get();

      StopFailure refused = start("token-1", "{\"projectName\":\"web\",\"imageOverride\":\"x\"}").getLeft();

      assertThat(refused).isInstanceOf(StopFailure.ParameterMismatch.class);
      assertThat(refused.message()).doesNotContain("token-1");
      assertThat(codeBuild.builds()).hasSize(1);
    }

    @Test
    void afterFiveMinutesTheTokenStartsANewBuild() {
      Build first = start("token-1", "{}").get();
      clock.advance(InMemoryCodeBuild.IDEMPOTENCY_WINDOW);

      Build second = start("token-1", "{\"other\":1}").get();

      assertThat(second.id()).isNotEqualTo(first.id());
      assertThat(codeBuild.builds()).hasSize(2);
    }

    @Test
    void concurrentRetriesOfOneTokenStartOneBuild() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Build>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          calls.add(pool.submit(() -> start("retried", "{}").get()));
        }
        Set<Optional<String>> ids = new java.util.HashSet<>();
        for (Future<Build> call : calls) {
          ids.add(call.get(10, TimeUnit.SECONDS).id());
        }
        assertThat(ids).hasSize(1);
        assertThat(codeBuild.builds()).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void otherTokensStartTheirOwnBuilds() {
      start("a", "{}").get();
      start("b", "{}").get();

      assertThat(codeBuild.builds()).hasSize(2);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
