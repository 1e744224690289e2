package io.buildstop.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The page's files, shipped in this jar ({@code io/buildstop/server/ui/}): the HTML, its one script and its one
 * style sheet, read once. No build step and nothing from another site: the page works offline, and its
 * Content-Security-Policy allows nothing but these.
 */
final class PageAssets {
  /** A file of the page: its bytes and content type. */
  record Asset(byte[] bytes, String contentType) {}

  private static final String FOLDER = "/io/buildstop/server/ui/";

  private final Map<String, Asset> assets;

  private PageAssets(Map<String, Asset> assets) {
    this.assets = assets;
  }

  /**
   * The page's files by the name they are served at, below {@code /_buildstop/ui/}: {@code ""} (the page), {@code
   * page.js}, {@code page.css}.
   *
   * @throws UncheckedIOException if the jar lacks one: a broken build, found when the server starts
   */
  static PageAssets load() {
    return new PageAssets(Map.of(
        "", new Asset(read("index.html"), "text/html; charset=utf-8"),
        "page.js", new Asset(read("page.js"), "text/javascript; charset=utf-8"),
        "page.css", new Asset(read("page.css"), "text/css; charset=utf-8")));
  }

  /** The file served at {@code name}, if there is one. */
  Optional<Asset> asset(String name) {
    return Optional.ofNullable(assets.get(name));
  }

  private static byte[] read(String name) {
    try (InputStream in = PageAssets.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("the page's " + name + " is missing from the jar"));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
