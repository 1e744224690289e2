package io.buildstop.benchmarks.engines;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clients that stall a server (issue 17.3), for {@code bench/engines.sh}: {@code N} connections, a quarter of each
 * kind, kept open until the server closes them or {@code SECONDS} have passed:
 * <ul>
 *   <li>{@code line}: {@code POST / HT} and nothing more;</li>
 *   <li>{@code headers}: a request line, then one more byte of a header every half second;</li>
 *   <li>{@code body}: a whole StopBuild head declaring a 100,000-byte body, then one byte of it every half
 *       second;</li>
 *   <li>{@code bare-lf}: a request line and headers ended by bare {@code \n}, then one more header byte every half
 *       second: a server that waits for CRLF waits for ever.</li>
 * </ul>
 * Prints, per kind, how many connections the server closed and when (after the connection was opened), what it
 * answered before closing, and how many were still open at the end.
 *
 * <p>Usage: {@code StalledClients PORT N SECONDS}.
 */
public final class StalledClients {
  private static final String[] KINDS = {"line", "headers", "body", "bare-lf"};
  private static final long TRICKLE_NANOS = 500_000_000L;

  private StalledClients() {}

  private static final class Stalled {
    final String kind;
    final SocketChannel channel;
    final long opened = System.nanoTime();
    long closedAfterNanos = -1;
    final StringBuilder answer = new StringBuilder();

    Stalled(String kind, SocketChannel channel) {
      this.kind = kind;
      this.channel = channel;
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    Selector selector = Selector.open();
    List<Stalled> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String kind = KINDS[i % KINDS.length];
      SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.write(ByteBuffer.wrap(opening(kind).getBytes(StandardCharsets.ISO_8859_1)));
      channel.configureBlocking(false);
      Stalled stalled = new Stalled(kind, channel);
      channel.register(selector, SelectionKey.OP_READ, stalled);
      all.add(stalled);
    }
    System.out.printf(Locale.ROOT, "stalled: %d connections open%n", all.size());
    System.out.flush();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long nextTrickle = System.nanoTime() + TRICKLE_NANOS;
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    int open = all.size();
    while (System.nanoTime() < end && open > 0) {
      selector.select(50);
      for (SelectionKey key : selector.selectedKeys()) {
        Stalled stalled = (Stalled) key.attachment();
        buffer.clear();
        int read;
        try {
          read = stalled.channel.read(buffer);
        } catch (IOException reset) {
          read = -1;
        }
        if (read > 0 && stalled.answer.length() < 64) {
          stalled.answer.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
        }
        if (read < 0) {
          closed(stalled, key);
          open--;
        }
      }
      selector.selectedKeys().clear();
      if (System.nanoTime() >= nextTrickle) {
        nextTrickle += TRICKLE_NANOS;
        for (Stalled stalled : all) {
          if (stalled.closedAfterNanos < 0 && !stalled.kind.equals("line")) {
            try {
              stalled.channel.write(ByteBuffer.wrap(new byte[] {'a'}));
            } catch (IOException closedByServer) {
              closed(stalled, stalled.channel.keyFor(selector));
              open--;
            }
          }
        }
      }
    }
    report(all);
    for (Stalled stalled : all) {
      stalled.channel.close();
    }
  }

  private static void closed(Stalled stalled, SelectionKey key) {
    stalled.closedAfterNanos = System.nanoTime() - stalled.opened;
    if (key != null) {
      key.cancel();
    }
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

  private static void report(List<Stalled> all) {
    for (String kind : KINDS) {
      List<Stalled> ofKind = all.stream().filter(s -> s.kind.equals(kind)).toList();
      List<Long> closedMs = ofKind.stream().filter(s -> s.closedAfterNanos >= 0)
          .map(s -> s.closedAfterNanos / 1_000_000).sorted(Comparator.naturalOrder()).toList();
      Map<String, Integer> answers = new TreeMap<>();
      for (Stalled stalled : ofKind) {
        String status = stalled.answer.length() >= 12 ? stalled.answer.substring(9, 12) : "none";
        answers.merge(stalled.closedAfterNanos < 0 ? "open" : status, 1, Integer::sum);
      }
      System.out.printf(Locale.ROOT, "stalled %-8s closed %4d of %4d, after %s ms, answers %s%n", kind,
          closedMs.size(), ofKind.size(), closedMs.isEmpty() ? "-" : closedMs.get(0) + ".." + closedMs.get(
              closedMs.size() - 1), answers);
    }
  }
}
