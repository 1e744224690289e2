package io.buildstop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP to the server with the JDK's client, byte for byte what a test chooses to send. */
final class RawHttp {
  static final String AMZ_JSON = "application/x-amz-json-1.1";
  static final String TARGET_PREFIX = "CodeBuild_20161006.";
  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private RawHttp() {}

  /** An answer: status, headers, body text. */
  record Reply(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("the server sent a body that is not JSON: " + body, e);
      }
    }

    /** The error's {@code __type}. */
    String type() {
      return json().path("__type").asText();
    }

    /** The error's {@code message}. */
    String message() {
      return json().path("message").asText();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** {@code POST /} as CodeBuild's clients send it: the operation's target, CodeBuild's content type. */
  static Reply call(URI endpoint, String operation, String body) {
    return send(request(endpoint, operation).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** A request builder for {@code POST /} with the target and content type set, body not yet. */
  static HttpRequest.Builder request(URI endpoint, String operation) {
    return HttpRequest.newBuilder(endpoint.resolve("/"))
        .timeout(Duration.ofSeconds(10))
        .header("X-Amz-Target", TARGET_PREFIX + operation)
        .header("Content-Type", AMZ_JSON);
  }

  static Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** JSON text from single-quoted text, so tests read like the JSON they send. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
