package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.server.CodeBuildServer;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Deadlines and fatal errors (issue 17.7, 17.2), under concurrency: calls bounded by a deadline against an endpoint
 * that accepts and never answers all end by it; a graceful stop answers every request in flight and accepts no
 * new connection; an {@code OutOfMemoryError} under load closes the server, and no client is left hanging. Counts go
 * to {@code target/reliability/deadlines.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlinesAndFatalErrorsTest {
  private static final String ID = "deadline-project:6f1c2b9e-1111-4000-8000-000000000001";
  private static final Duration MARGIN = Duration.ofSeconds(8);

  private final Counts counts = new Counts();

  @Test
  void concurrentCallsBoundByADeadlineAllEndByItAgainstAnEndpointThatNeverAnswers() throws Exception {
    int calls = Scale.times(32);
    try (ServerSocket silent = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        while (!silent.isClosed()) {
          try {
            held.add(silent.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "silent-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
      Duration bound = Duration.ofSeconds(2);
      Clock clock = Clock.systemUTC();
      long started = System.nanoTime();
      // the client's own timeouts (30 s a call) are far beyond the deadline: only the deadline can end the calls
      try (AwsBuildStopper stopper = AwsBuildStopper.builder()
          .endpointOverride(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
          .region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
          .apiCallAttemptTimeout(Duration.ofSeconds(30)).apiCallTimeout(Duration.ofSeconds(30))
          .deadline(clock.instant().plus(bound), clock)
          .build()) {
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        List<Future<Either<StopFailure, Build>>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
          results.add(callers.submit(() -> stopper.stopBuild(ID)));
        }
        for (Future<Either<StopFailure, Build>> result : results) {
          Either<StopFailure, Build> value = result.get(bound.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
          assertThat(value.isLeft()).isTrue();
          assertThat(value.getLeft()).isInstanceOf(StopFailure.Unavailable.class);
          count("deadline: calls ended Unavailable");
        }
        callers.shutdownNow();
        assertThat(callers.awaitTermination(MARGIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(took).isLessThan(bound.plus(MARGIN));
      // the calls reached the endpoint and waited on it: the deadline, not a refused connection, ended them
      assertThat(held).isNotEmpty();
      assertThat(took).isGreaterThanOrEqualTo(bound.minusMillis(100));
      count("deadline: connections the silent endpoint held", held.size());
      count("deadline: all calls ended after (ms)", took.toMillis());
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void aGracefulStopAnswersEveryRequestInFlightAndAcceptsNoNewConnection() throws Exception {
    int inFlight = Scale.times(16);
    String body = "{\"sortOrder\": \"ASCENDING\"}";
    CodeBuildServer server = CodeBuildServer.builder().workerThreads(inFlight).start();
    List<Socket> clients = new ArrayList<>();
    try {
      for (int i = 0; i < inFlight; i++) {
        Socket client = new Socket("127.0.0.1", server.port());
        clients.add(client);
        send(client, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "X-Amz-Target: CodeBuild_20161006.ListBuilds\r\nContent-Length: " + body.length() + "\r\n\r\n"
            + body.substring(0, 5));
      }
      Thread.sleep(500); // lets the JDK's dispatcher hand each request to a worker; no assertion on time

      ExecutorService stopping = Executors.newSingleThreadExecutor();
      Future<Boolean> stopped = stopping.submit(() -> server.stop(Duration.ofSeconds(60)));
      awaitRefused(server.port());
      for (Socket client : clients) {
        send(client, body.substring(5));
      }
      for (Socket client : clients) {
        client.setSoTimeout((int) MARGIN.toMillis() * 2);
        byte[] status = client.getInputStream().readNBytes(15);
        assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
        count("graceful: requests in flight answered 200");
      }
      assertThat(stopped.get(MARGIN.toMillis() * 2, TimeUnit.MILLISECONDS)).isTrue();
      stopping.shutdown();
    } finally {
      for (Socket client : clients) {
        client.close();
      }
      server.close();
    }
  }

  @Test
  void anOutOfMemoryErrorUnderLoadClosesTheServerAndLeavesNoClientHanging() throws Exception {
    int clients = Scale.times(8);
    ArmedClock clock = new ArmedClock();
    CodeBuildServer server = CodeBuildServer.builder().clock(clock).start();
    String id = server.backend().startBuild("fatal-project").get().id().orElseThrow();
    String request = "{\"ids\": [\"" + id + "\"]}";
    ExecutorService load = Executors.newFixedThreadPool(clients);
    try {
      underLoad(server, clock, id, request, clients, load);
    } finally {
      load.shutdownNow();
      server.stop(Duration.ZERO);
    }
  }

  private void underLoad(CodeBuildServer server, ArmedClock clock, String id, String request, int clients,
      ExecutorService load) throws Exception {
    List<Future<Integer>> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      loops.add(load.submit(() -> callUntilRefused(server.port(), request)));
    }
    Thread.sleep(300);
    // StopBuild reads the clock; BatchGetBuilds under load keeps the workers busy meanwhile
    clock.armed = true;
    long armed = System.nanoTime();
    try (Socket stopper = new Socket("127.0.0.1", server.port())) {
      stopper.setSoTimeout((int) MARGIN.toMillis());
      String stop = "{\"id\": \"" + id + "\"}";
      send(stopper, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
          + "X-Amz-Target: CodeBuild_20161006.StopBuild\r\nContent-Length: " + stop.length() + "\r\n\r\n" + stop);
      stopper.getInputStream().read(new byte[64]);
    } catch (IOException closedOrTimedOut) {
      count("fatal: the failing request ended without an answer");
    }
    awaitRefused(server.port());
    count("fatal: closed after (ms)", Duration.ofNanos(System.nanoTime() - armed).toMillis());
    for (Future<Integer> loop : loops) {
      count("fatal: calls answered before the close", loop.get(MARGIN.toMillis() * 2, TimeUnit.MILLISECONDS));
    }
    assertThat(server.failure()).isPresent();
    assertThat(server.failure().get()).isInstanceOf(OutOfMemoryError.class);
  }

  // kept-alive BatchGetBuilds until the server closes; each read and write has a deadline, so none can hang
  private static int callUntilRefused(int port, String body) {
    int answered = 0;
    while (true) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout((int) MARGIN.toMillis());
        InputStream in = socket.getInputStream();
        while (true) {
          send(socket, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
              + "X-Amz-Target: CodeBuild_20161006.BatchGetBuilds\r\nContent-Length: " + body.length() + "\r\n\r\n"
              + body);
          if (!readAnswer(in)) {
            break;
          }
          answered++;
        }
      } catch (IOException refusedOrCut) {
        if (refusedOrCut instanceof java.net.ConnectException || Thread.currentThread().isInterrupted()) {
          return answered;
        }
      }
    }
  }

  // one answer by its Content-Length; false when the connection ended
  private static boolean readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length: ");
    int length = Integer.parseInt(lower.substring(at + 16, lower.indexOf("\r\n", at)).trim());
    return in.readNBytes(length).length == length;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + MARGIN.toNanos() * 2;
    while (System.nanoTime() < deadline) {
      try {
        new Socket("127.0.0.1", port).close();
      } catch (IOException refused) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the server still accepted connections");
  }

  /** The system clock until armed; then every read fails as a JVM out of memory does. */
  private static final class ArmedClock extends Clock {
    volatile boolean armed;

    @Override
    public Instant instant() {
      if (armed) {
        throw new OutOfMemoryError("simulated: Java heap space");
      }
      return Instant.now();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private void count(String what) {
    count(what, 1);
  }

  private void count(String what, long amount) {
    counts.add(what, amount);
  }

  @AfterAll
  void report() throws IOException {
    counts.write("deadlines.txt");
  }
}
