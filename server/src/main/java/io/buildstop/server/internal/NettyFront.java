package io.buildstop.server.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link Dispatcher} on Netty: one event-loop thread accepts connections, a fixed number of others read requests
 * and answer them. A connection waiting for a client holds no thread, so no client can stall another; each
 * connection's {@link HttpConnection} keeps the deadlines. Counts the requests in flight (from a request's first byte
 * to its answer), so that a graceful stop can wait for them.
 */
public final class NettyFront {
  /** The event by which a stop asks each connection to close once it has no request in flight. */
  static final Object DRAIN = new Object() {
    @Override
    public String toString() {
      return "DRAIN";
    }
  };

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final EventLoopGroup acceptor;
  private final EventLoopGroup loops;
  private final Channel listening;
  // its futures notify on the thread that completes them: no thread of Netty's global executor is started for it
  private final ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Consumer<Error> fatal;
  private volatile boolean draining;
  private volatile String date = "";
  private volatile long dateSecond = -1;

  private NettyFront(InetSocketAddress address, int threads, String threadNames, Dispatcher dispatcher,
      Deadlines deadlines, Consumer<Error> fatal) {
    this.fatal = Objects.requireNonNull(fatal, "fatal");
    // a thread of its own for accepting: on a worker, a storm of connections is accepted only as fast as that
    // worker also sets up and reads its share of them, and a client that connects behind the storm waits in the
    // kernel's queue meanwhile (RELIABILITY.md §8 measures both)
    this.acceptor = new NioEventLoopGroup(1, threads(threadNames + "-accept", fatal));
    this.loops = new NioEventLoopGroup(threads, threads(threadNames + "-worker", fatal));
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(acceptor, loops)
        .channel(NioServerSocketChannel.class)
        // the kernel's own maximum (net.core.somaxconn): a storm larger than the accept queue has its connections
        // refused or their handshakes retried a second later
        .option(ChannelOption.SO_BACKLOG, NetUtil.SOMAXCONN)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            connections.add(channel);
            HttpConnection connection = new HttpConnection(NettyFront.this, dispatcher, deadlines);
            channel.pipeline().addLast(new RequestDecoder(connection), new HttpResponseEncoder(), connection);
          }
        });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      Throwable cause = bound.cause();
      IOException io = cause instanceof IOException e ? e : new IOException(String.valueOf(cause), cause);
      throw new UncheckedIOException("cannot bind " + address.getHostString() + ":" + address.getPort(), io);
    }
    this.listening = bound.channel();
  }

  /**
   * Binds {@code address} and serves there: one thread named {@code threadNames-accept-1} accepts connections,
   * {@code threads} event-loop threads named {@code threadNames-worker-N} read and answer them.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static NettyFront start(InetSocketAddress address, int threads, String threadNames, Dispatcher dispatcher,
      Deadlines deadlines, Consumer<Error> fatal) {
    return new NettyFront(address, threads, threadNames, dispatcher, deadlines, fatal);
  }

  // daemon threads: an embedding test that forgets to close the server does not keep its JVM alive
  private static ThreadFactory threads(String names, Consumer<Error> fatal) {
    AtomicInteger number = new AtomicInteger();
    return runnable -> {
      Thread thread = new FastThreadLocalThread(() -> {
        try {
          runnable.run();
        } catch (Error e) {
          fatal.accept(e);
          throw e;
        }
      }, names + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listening.localAddress();
  }

  /** How many requests have begun and not been answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Stops accepting connections at once, closes the connections that wait for no answer, lets the requests in
   * flight finish for at most {@code gracePeriod} (each connection closes after its answer), then closes every
   * connection and stops the threads.
   *
   * @return whether every request in flight was answered within the grace period
   */
  public boolean stop(Duration gracePeriod) {
    draining = true;
    boolean onALoop = isEventLoopThread();
    ChannelFuture closing = listening.close();
    if (!onALoop) {
      closing.awaitUninterruptibly();
    }
    connections.forEach(channel -> channel.pipeline().fireUserEventTriggered(DRAIN));
    boolean finished = awaitIdle(gracePeriod, onALoop);
    connections.close();
    acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    if (!onALoop) {
      acceptor.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
      loops.terminationFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
    return finished;
  }

  private boolean awaitIdle(Duration gracePeriod, boolean onALoop) {
    long deadline = System.nanoTime() + gracePeriod.toNanos();
    while (inFlight.get() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || onALoop) {
        return false;
      }
      try {
        TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private boolean isEventLoopThread() {
    if (acceptor.next().inEventLoop()) {
      return true;
    }
    for (var executor : loops) {
      if (executor.inEventLoop()) {
        return true;
      }
    }
    return false;
  }

  boolean draining() {
    return draining;
  }

  void requestBegins() {
    inFlight.incrementAndGet();
  }

  void requestEnds() {
    inFlight.decrementAndGet();
  }

  void fatal(Error error) {
    fatal.accept(error);
  }

  // the Date of every answer (RFC 9110 §6.6.1), formatted once a second
  String date() {
    long now = System.currentTimeMillis() / 1000;
    if (now != dateSecond) {
      date = HTTP_DATE.format(Instant.ofEpochSecond(now));
      dateSecond = now;
    }
    return date;
  }
}
