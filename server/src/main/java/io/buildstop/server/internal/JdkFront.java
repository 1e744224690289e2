package io.buildstop.server.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/** The {@link Dispatcher} on the JDK's {@code com.sun.net.httpserver}: one exchange, one answer. */
public final class JdkFront implements HttpHandler {
  private final Dispatcher dispatcher;

  /** Answers every exchange with {@code dispatcher}. */
  public JdkFront(Dispatcher dispatcher) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Headers headers = exchange.getRequestHeaders();
      String path = exchange.getRequestURI().getRawPath();
      HttpAnswer answer = dispatcher.answer(new HttpCall(exchange.getRequestMethod(), path == null ? "" : path,
          exchange.getRequestURI().getRawQuery(), name -> headers.getOrDefault(name, List.of()),
          () -> BoundedBody.read(exchange, dispatcher.maxRequestBytes()), exchange.getLocalAddress()));
      send(exchange, answer);
    }
  }

  private static void send(HttpExchange exchange, HttpAnswer answer) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", Dispatcher.AMZ_JSON);
    headers.set("x-amzn-RequestId", answer.requestId());
    answer.allow().ifPresent(allow -> headers.set("Allow", allow));
    if (answer.closeConnection()) {
      headers.set("Connection", "close");
    }
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(answer.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(answer.status(), answer.body().length());
    try (OutputStream out = exchange.getResponseBody()) {
      answer.body().writeTo(out);
    }
  }
}
