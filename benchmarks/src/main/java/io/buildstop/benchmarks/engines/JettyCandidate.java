package io.buildstop.benchmarks.engines;

import io.buildstop.benchmarks.Seeding;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import io.buildstop.server.internal.Arns;
import io.buildstop.server.internal.CodeBuildApi;
import io.buildstop.server.internal.Dispatcher;
import io.buildstop.server.internal.HttpAnswer;
import io.buildstop.server.internal.HttpCall;
import io.buildstop.server.internal.HttpRefusals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A candidate measured against the Netty front (BENCHMARKS.md, "Server engines"): the same {@link Dispatcher}
 * (every operation and check of {@code CodeBuildServer}) on Jetty 12's core {@code jetty-server}, no servlets. Jetty
 * parses the head without holding a thread and reads the body asynchronously here, so a stalled client holds no
 * thread; its own protection is the connector's idle timeout ({@code -Dbuildstop.deadline.ms}, 10 s by default),
 * which every byte received restarts.
 *
 * <p>Usage: {@code JettyCandidate PORT [N IDS]}: {@code N} running builds seeded, their ids written to {@code IDS};
 * prints {@code READY} and serves until killed.
 */
public final class JettyCandidate {
  private JettyCandidate() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int seed = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    InMemoryCodeBuild backend = InMemoryCodeBuild.builder().stopCallHistory(0).build();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < seed; i++) {
      ids.add(backend.startBuild(Seeding.PROJECT).get().id().orElseThrow());
    }
    if (seed > 0) {
      Files.write(Path.of(args[2]), ids, StandardCharsets.UTF_8);
    }
    Server server = start(port, dispatcher(backend), Long.getLong("buildstop.deadline.ms", 10_000));
    System.out.println("READY http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    System.out.flush();
    server.join();
  }

  /** The dispatcher CodeBuildServer builds by default, over {@code backend}. */
  public static Dispatcher dispatcher(InMemoryCodeBuild backend) {
    Arns arns = new Arns("us-east-1", "123456789012");
    return new Dispatcher(CodeBuildApi.operations(backend, arns, Clock.systemUTC()),
        CodeBuildServer.Builder.DEFAULT_MAX_REQUEST_BYTES, Optional.empty());
  }

  /** Jetty serving {@code dispatcher} on {@code 127.0.0.1:port}, started. */
  public static Server start(int port, Dispatcher dispatcher, long idleTimeoutMillis) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(Integer.getInteger("buildstop.jetty.maxThreads", 200));
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setRequestHeaderSize(16 * 1024);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeoutMillis);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        int limit = dispatcher.maxRequestBytes();
        if (declared > limit) {
          send(request, response, callback, Dispatcher.refusal(HttpRefusals.tooLarge(limit)));
          return true;
        }
        // BLOCKING: the dispatcher's work is CPU only, and runs on the thread that completes the read
        Content.Source.asByteArrayAsync(request, limit + 1, Promise.Invocable.from(InvocationType.BLOCKING,
            (byte[] body, Throwable failure) -> {
          HttpAnswer answer;
          if (failure != null) {
            answer = Dispatcher.refusal(HttpRefusals.tooLarge(limit));
          } else {
            answer = answer(dispatcher, request, body);
          }
          send(request, response, callback, answer);
        }));
        return true;
      }
    });
    server.start();
    return server;
  }

  private static HttpAnswer answer(Dispatcher dispatcher, Request request, byte[] body) {
    String query = request.getHttpURI().getQuery();
    try {
      return dispatcher.answer(new HttpCall(request.getMethod(), request.getHttpURI().getPath(), query,
          name -> request.getHeaders().getValuesList(name), () -> {
            if (body.length > dispatcher.maxRequestBytes()) {
              throw HttpRefusals.tooLarge(dispatcher.maxRequestBytes());
            }
            return body;
          }, (InetSocketAddress) request.getConnectionMetaData().getLocalSocketAddress(),
          (InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress()));
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static void send(Request request, Response response, Callback callback, HttpAnswer answer) {
    response.setStatus(answer.status());
    response.getHeaders().put("Content-Type", "application/x-amz-json-1.1");
    response.getHeaders().put("x-amzn-RequestId", answer.requestId());
    answer.allow().ifPresent(allow -> response.getHeaders().put("Allow", allow));
    if (answer.closeConnection()) {
      response.getHeaders().put(new HttpField("Connection", "close"));
    }
    ByteArrayOutputStream copy = new ByteArrayOutputStream(answer.body().length());
    try {
      answer.body().writeTo(copy);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    byte[] bytes = copy.toByteArray();
    response.getHeaders().put("Content-Length", String.valueOf(bytes.length));
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
