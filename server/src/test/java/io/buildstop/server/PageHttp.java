package io.buildstop.server;

import io.buildstop.server.RawHttp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The page's paths as the page calls them, over real HTTP: GETs, and stops with the page's headers. */
final class PageHttp {
  static final String UI = "/_buildstop/ui/";

  private PageHttp() {}

  /** {@code GET /_buildstop/ui/<path>}. */
  static Reply get(CodeBuildServer server, String path) {
    return RawHttp.send(HttpRequest.newBuilder(URI.create(server.endpoint() + UI + path))
        .timeout(Duration.ofSeconds(20)).GET().build());
  }

  /** A stop as the page sends it: JSON, {@code X-Buildstop-Page: 1}, no Origin. */
  static Reply post(CodeBuildServer server, String path, String body) {
    return RawHttp.send(postRequest(server, path, body).build());
  }

  /** The page's POST, headers set, for a test to change. */
  static HttpRequest.Builder postRequest(CodeBuildServer server, String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.endpoint() + UI + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").header("X-Buildstop-Page", "1")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
