package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No client can stall another (issue 17.3): 1,000 connections stalled four ways — {@code POST / HT} and nothing
 * more, headers sent a byte at a time, a declared body sent a byte at a time, headers ended by bare {@code \n} —
 * while a normal client stops builds on a new kept-alive connection: each StopBuild, the first included, is answered
 * within the 100 ms, and every stalled connection is closed once its deadline has passed and not before, the
 * bare-LF ones at once. A client that connects right behind the thousand, while the server is still taking them in,
 * is answered too, within a generous bound (RELIABILITY.md §8 says where that time goes). Counts go to
 * {@code target/reliability/stalled.txt}; {@code -Pstress} runs ten rounds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("no client can stall another")
class StalledConnectionsTest {
  private static final int STALLED = 1_000;
  private static final Duration DEADLINE = Duration.ofSeconds(3);
  private static final Duration MARGIN = Duration.ofSeconds(6);
  private static final Duration GENEROUS = Duration.ofSeconds(2);
  // issue 17's check: "with 1,000 stalled connections a StopBuild answers within 100 ms"
  private static final Duration BESIDE_STALLED = Duration.ofMillis(100);
  private static final int NORMAL_CALLS = 50;
  private static final String[] KINDS = {"line", "headers", "body", "bare-lf"};

  private final Map<String, Long> counts = new TreeMap<>();

  @Test
  void aThousandStalledConnectionsDelayNoStopBuildAndAreClosedWhenTheirDeadlinePasses() throws Exception {
    long descriptors = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getMaxFileDescriptorCount();
    assertThat(descriptors).as("open files allowed (ulimit -n): the test holds both ends of %s connections",
        STALLED).isGreaterThan(2L * STALLED + 500);
    for (int round = 0; round < Scale.factor(); round++) {
      oneRound();
    }
  }

  private void oneRound() throws Exception {
    CodeBuildServer server = CodeBuildServer.builder().backend(InMemoryCodeBuild.builder().build())
        .requestHeadTimeout(DEADLINE).requestBodyTimeout(DEADLINE).idleTimeout(Duration.ofMinutes(5)).start();
    List<String> ids = new ArrayList<>();
    List<String> baselineIds = new ArrayList<>();
    for (int i = 0; i < NORMAL_CALLS; i++) {
      ids.add(server.backend().startBuild("stalled-project").get().id().orElseThrow());
      baselineIds.add(server.backend().startBuild("stalled-project").get().id().orElseThrow());
    }
    List<String> behindIds = new ArrayList<>();
    for (int i = 0; i < CodeBuildServer.DEFAULT_WORKER_THREADS; i++) {
      behindIds.add(server.backend().startBuild("stalled-project").get().id().orElseThrow());
    }
    // the same calls with no stalled connection, first: the baseline, and the path's first use (class loading and
    // compilation cost a fresh JVM's first StopBuild about half a second, which the stalled clients do not cause)
    long slowestAlone = normalClientStopsEveryBuild(server, baselineIds, GENEROUS);
    count("slowest normal StopBuild with no stalled connection (ms)", slowestAlone);
    try (Stalls stalls = new Stalls(server.port())) {
      CompletableFuture<Void> watched = CompletableFuture.runAsync(stalls::watchAndTrickle);
      long stalledOpen = stalls.open();
      // clients that connect the moment the thousand have: the kernel queues their connections behind those, so
      // their first StopBuild waits until the server has taken in every one (and, in a fresh JVM, compiled the code
      // that does it). One per worker thread (the server hands new connections to its workers by turns): when all
      // are answered, no worker has any of the thousand still to set up, and the server holds them all
      long[] behindTheStorm = clientsBehindTheStormStop(server, behindIds);

      // the case: a client beside 1,000 stalled connections, its first call on a new connection included
      long slowest = normalClientStopsEveryBuild(server, ids, BESIDE_STALLED);
      long stillOpen = stalls.openNotBareLf();

      watched.get(DEADLINE.plus(MARGIN).plusSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      // the normal client's calls ran while the stalled connections were open: else the test proved nothing
      assertThat(stillOpen).as("stalled connections still open after the normal calls").isGreaterThan(STALLED / 2);
      stalls.assertEachClosedByItsDeadline();
      count("stalled connections opened", stalledOpen);
      count("normal StopBuild calls answered 200 beside them", NORMAL_CALLS);
      count("slowest normal StopBuild beside them (ms, bound " + BESIDE_STALLED.toMillis() + ")", slowest);
      count("StopBuild on a connection opened right behind them (ms, bound " + GENEROUS.toMillis() + ")",
          behindTheStorm[0]);
      count("StopBuilds on " + behindIds.size() + " connections opened right behind them, all answered after (ms,"
          + " bound " + GENEROUS.toMillis() + ")", behindTheStorm[1]);
      stalls.countInto(this::count);
    } finally {
      server.close();
    }
  }

  // a new kept-alive connection, one StopBuild after the other; each must be answered within the bound, from the
  // first byte sent to the last read (the connection's handshake is the kernel's, and is not counted); every call's
  // time is in the failure's message
  private static long normalClientStopsEveryBuild(CodeBuildServer server, List<String> ids, Duration bound)
      throws IOException {
    List<Long> took = new ArrayList<>();
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) GENEROUS.toMillis());
      for (String id : ids) {
        long started = System.nanoTime();
        socket.getOutputStream().write(stopBuild(id));
        String answer = readAnswer(socket.getInputStream());
        took.add((System.nanoTime() - started) / 1_000_000);
        assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("\"buildStatus\":\"STOPPED\"");
      }
    }
    long slowest = took.stream().mapToLong(Long::longValue).max().orElse(0);
    assertThat(slowest).as("the slowest of %s StopBuilds (ms each, in order: %s)", took.size(), took)
        .isLessThan(bound.toMillis());
    return slowest;
  }

  // a StopBuild on each of several new connections at once: how long until the first was answered (what one client
  // behind the storm waits), and until the last was (the server's intake of the storm)
  private static long[] clientsBehindTheStormStop(CodeBuildServer server, List<String> ids) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < ids.size(); i++) {
        sockets.add(new Socket("127.0.0.1", server.port()));
      }
      long started = System.nanoTime();
      for (int i = 0; i < ids.size(); i++) {
        sockets.get(i).getOutputStream().write(stopBuild(ids.get(i)));
      }
      long first = -1;
      for (Socket socket : sockets) {
        socket.setSoTimeout((int) GENEROUS.toMillis());
        assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200 OK")
            .contains("\"buildStatus\":\"STOPPED\"");
        first = first < 0 ? (System.nanoTime() - started) / 1_000_000 : first;
      }
      long all = (System.nanoTime() - started) / 1_000_000;
      assertThat(all).as("ms until %s clients behind the stalled connections were answered", ids.size())
          .isLessThan(GENEROUS.toMillis());
      return new long[] {first, all};
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  private static byte[] stopBuild(String id) {
    String body = "{\"id\":\"" + id + "\"}";
    return ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: "
        + "CodeBuild_20161006.StopBuild\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("closed after " + head);
      }
      head.write(next);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int at = text.toLowerCase(Locale.ROOT).indexOf("content-length:");
    int length = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).trim());
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** The stalled connections, a quarter of each kind, watched by one selector that also trickles their bytes. */
  private static final class Stalls implements AutoCloseable {
    private final Selector selector = Selector.open();
    private final List<Stalled> all = new ArrayList<>();
    private volatile boolean watching = true;

    Stalls(int port) throws IOException {
      for (int i = 0; i < STALLED; i++) {
        // in four blocks, not by turns: the server hands new connections to its (four, by default) workers by turns,
        // so kinds by turns would give each worker one kind, and the normal client a worker without a slow one
        String kind = KINDS[i * KINDS.length / STALLED];
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        Stalled stalled = new Stalled(kind, channel, System.nanoTime());
        channel.write(ByteBuffer.wrap(opening(kind).getBytes(StandardCharsets.ISO_8859_1)));
        channel.configureBlocking(false);
        all.add(stalled);
      }
    }

    long open() {
      return all.size();
    }

    long openNotBareLf() {
      return all.stream().filter(s -> !s.kind.equals("bare-lf") && s.closedAfterNanos < 0).count();
    }

    // every 200 ms one more byte on the slow kinds; a read of -1 or a reset is the server closing
    void watchAndTrickle() {
      try {
        for (Stalled stalled : all) {
          stalled.channel.register(selector, SelectionKey.OP_READ, stalled);
        }
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long end = System.nanoTime() + DEADLINE.plus(MARGIN).plusSeconds(10).toNanos();
        long nextTrickle = System.nanoTime();
        int open = all.size();
        while (watching && open > 0 && System.nanoTime() < end) {
          selector.select(20);
          for (SelectionKey key : selector.selectedKeys()) {
            Stalled stalled = (Stalled) key.attachment();
            buffer.clear();
            int read;
            try {
              read = stalled.channel.read(buffer);
            } catch (IOException reset) {
              read = -1;
            }
            if (read > 0 && stalled.answer.length() < 200) {
              stalled.answer.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
            }
            if (read < 0 && stalled.closedAfterNanos < 0) {
              stalled.closedAfterNanos = System.nanoTime() - stalled.opened;
              key.cancel();
              open--;
            }
          }
          selector.selectedKeys().clear();
          if (System.nanoTime() >= nextTrickle) {
            nextTrickle += 200_000_000L;
            for (Stalled stalled : all) {
              if (stalled.closedAfterNanos < 0 && !stalled.kind.equals("line")) {
                try {
                  stalled.channel.write(ByteBuffer.wrap(new byte[] {'a'}));
                } catch (IOException closedByTheServer) {
                  // the read side sees it too, and records when
                }
              }
            }
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void assertEachClosedByItsDeadline() {
      for (Stalled stalled : all) {
        Duration closedAfter = Duration.ofNanos(stalled.closedAfterNanos);
        assertThat(stalled.closedAfterNanos).as("a %s connection was never closed", stalled.kind)
            .isNotNegative();
        if (stalled.kind.equals("bare-lf")) {
          // refused at its first bare LF, long before any deadline
          assertThat(stalled.answer.toString()).startsWith("HTTP/1.1 400 ").contains("BadRequestException");
          assertThat(closedAfter).isLessThan(DEADLINE);
        } else {
          assertThat(stalled.answer.toString()).startsWith("HTTP/1.1 408 ").contains("RequestTimeoutException");
          assertThat(closedAfter).as("a %s connection closed", stalled.kind)
              .isGreaterThanOrEqualTo(DEADLINE).isLessThan(DEADLINE.plus(MARGIN));
        }
      }
    }

    void countInto(java.util.function.BiConsumer<String, Long> count) {
      for (String kind : KINDS) {
        List<Stalled> ofKind = all.stream().filter(s -> s.kind.equals(kind)).toList();
        Map<String, Long> answers = ofKind.stream().collect(Collectors.groupingBy(
            s -> s.answer.length() >= 12 ? s.answer.substring(9, 12) : "none", TreeMap::new, Collectors.counting()));
        answers.forEach((status, n) -> count.accept(kind + ": closed after answering " + status, n));
        count.accept(kind + ": first closed after (ms)", ofKind.stream().mapToLong(s -> s.closedAfterNanos / 1_000_000)
            .min().orElse(-1));
        count.accept(kind + ": last closed after (ms)", ofKind.stream().mapToLong(s -> s.closedAfterNanos / 1_000_000)
            .max().orElse(-1));
      }
    }

    @Override
    public void close() throws IOException {
      watching = false;
      for (Stalled stalled : all) {
        stalled.channel.close();
      }
      selector.close();
    }

    private static String opening(String kind) {
      return switch (kind) {
        case "line" -> "POST / HT";
        case "headers" -> "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        case "body" -> "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "X-Amz-Target: CodeBuild_20161006.StopBuild\r\nContent-Length: 100000\r\n\r\n{\"id\": \"";
        default -> "POST / HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/x-amz-json-1.1\nX-Slow: ";
      };
    }
  }

  private static final class Stalled {
    final String kind;
    final SocketChannel channel;
    final long opened;
    volatile long closedAfterNanos = -1;
    final StringBuilder answer = new StringBuilder();

    Stalled(String kind, SocketChannel channel, long opened) {
      this.kind = kind;
      this.channel = channel;
      this.opened = opened;
    }
  }

  private void count(String what, long amount) {
    synchronized (counts) {
      // over the rounds: the earliest of the firsts, the latest of the lasts and slowests, the sum of the rest
      counts.merge(what, amount, (a, b) -> what.contains("first") ? Math.min(a, b)
          : what.contains("(ms") ? Math.max(a, b) : a + b);
    }
  }

  @AfterAll
  void report() throws IOException {
    Path report = Path.of("target", "reliability", "stalled.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("\n", "", "\n")));
  }
}
