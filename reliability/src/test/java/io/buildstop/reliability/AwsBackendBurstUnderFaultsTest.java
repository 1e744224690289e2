package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.wire.WireCodec;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS backend under faults (issue 7.4): bursts of 32 concurrent stops through one {@link AwsBuildStopper}
 * against an endpoint that answers each request at random with a latency spike (up to 3 s, beyond the 1 s attempt
 * timeout), a throttling storm answer (400 {@code ThrottlingException} or 429), a connection reset, a 503, or the
 * stopped build. Every call must return a value — a {@link StopFailure} or the build — within the 2 s API call
 * timeout plus a margin for a loaded machine; no exception escapes; every calling thread finishes. Two bursts by
 * default, twenty under {@code -Pstress}; counts go to {@code target/reliability/aws-burst.txt}.
 */
class AwsBackendBurstUnderFaultsTest {
  private static final int CONCURRENT_STOPS = 32;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration MARGIN = Duration.ofSeconds(8);
  private static final String ID = "burst-project:6f1c2b9e-1111-4000-8000-000000000001";

  private final Counts counts = new Counts();
  private final java.util.concurrent.atomic.AtomicLong slowestMillis = new java.util.concurrent.atomic.AtomicLong();

  @Test
  void everyStopInABurstUnderFaultsReturnsAValueWithinItsDeadlineAndNoThreadIsLeftBlocked() throws Exception {
    Instant at = Instant.parse("2026-11-25T01:00:00Z");
    Build stopped = StopRules.stop(BuildLifecycle.start(Build.builder().id(ID).projectName("burst-project")
        .buildNumber(1L).build(), at), at.plusSeconds(5));
    String stopAnswer = WireCodec.STOP_BUILD_RESPONSE.encodeToString(stopped);

    try (FaultEndpoint endpoint = FaultEndpoint.start().answering(request -> fault(stopAnswer));
        AwsBuildStopper stopper = AwsBuildStopper.builder().endpointOverride(endpoint.uri())
            .region(Region.US_EAST_1).retryMode(RetryMode.STANDARD)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .apiCallAttemptTimeout(Duration.ofSeconds(1)).apiCallTimeout(CALL_TIMEOUT).build()) {
      for (int burst = 0; burst < Scale.times(2); burst++) {
        burst(stopper, stopped);
      }
      count("requests the endpoint saw", endpoint.requests());
      count("slowest call (ms)", slowestMillis.get());
    }
    report();
  }

  private void burst(AwsBuildStopper stopper, Build stopped) throws Exception {
    AtomicInteger threadNumber = new AtomicInteger();
    List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT_STOPS, runnable -> {
      Thread thread = new Thread(runnable, "burst-caller-" + threadNumber.incrementAndGet());
      threads.add(thread);
      return thread;
    });
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Duration>> calls = new ArrayList<>();
    for (int i = 0; i < CONCURRENT_STOPS; i++) {
      calls.add(callers.submit(() -> {
        start.await();
        long began = System.nanoTime();
        Either<StopFailure, Build> result;
        try {
          result = stopper.stopBuild(ID);
        } catch (RuntimeException | Error escaped) {
          throw new AssertionError("an exception escaped the port", escaped);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(result).as("the port's answer").isNotNull();
        if (result.isRight()) {
          assertThat(result.get()).isEqualTo(stopped);
          count("stopped", 1);
        } else {
          count(result.getLeft().code().name(), 1);
        }
        return took;
      }));
    }
    start.countDown();
    for (Future<Duration> call : calls) {
      Duration took = call.get(CALL_TIMEOUT.plus(MARGIN).toSeconds() + 5, TimeUnit.SECONDS);
      assertThat(took).as("a call's time").isLessThan(CALL_TIMEOUT.plus(MARGIN));
      slowestMillis.accumulateAndGet(took.toMillis(), Math::max);
      count("calls", 1);
    }
    callers.shutdown();
    assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).as("every calling thread finished").isTrue();
    for (Thread thread : threads) {
      thread.join(5_000);
    }
    assertThat(threads).as("calling threads still alive").noneMatch(Thread::isAlive);
  }

  private FaultEndpoint.Answer fault(String stopAnswer) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int pick = random.nextInt(100);
    FaultEndpoint.Answer answer;
    if (pick < 25) {
      answer = FaultEndpoint.Answer.json(200, stopAnswer).after(300 + random.nextInt(2700));
      count("answered: latency spike", 1);
    } else if (pick < 45) {
      answer = FaultEndpoint.Answer.error(400, "ThrottlingException", "Rate exceeded");
      count("answered: 400 ThrottlingException", 1);
    } else if (pick < 55) {
      answer = FaultEndpoint.Answer.error(429, "TooManyRequestsException", "Too Many Requests");
      count("answered: 429", 1);
    } else if (pick < 70) {
      answer = FaultEndpoint.Answer.resetConnection();
      count("answered: connection reset", 1);
    } else if (pick < 75) {
      answer = FaultEndpoint.Answer.error(503, "ServiceUnavailable", "Service Unavailable");
      count("answered: 503", 1);
    } else {
      answer = FaultEndpoint.Answer.json(200, stopAnswer);
      count("answered: the build", 1);
    }
    return answer;
  }

  private void count(String what, long by) {
    counts.add(what, by);
  }

  private void report() throws IOException {
    counts.write("aws-burst.txt");
  }
}
