package io.buildstop.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the page's browser tests: Debian's {@code chromium} driven through its {@code
 * chromium-driver} by Selenium, with a new empty profile, and none of Chromium's own network traffic (this machine's
 * network is loopback only). Without them the tests fail, saying how to install them; they never skip.
 *
 * <p>Where they are: {@code -Dbuildstop.chromium=PATH} and {@code -Dbuildstop.chromedriver=PATH}, else the first
 * of the usual places that exists. {@code mvn verify} installs Debian's packages itself when it can
 * (server/src/test/browser/ensure-chromium).
 */
final class Chromium implements AutoCloseable {
  static final String MISSING = "Chromium and ChromeDriver are needed by the page's browser tests: %s. On Debian or Ubuntu: `sudo apt-get install chromium chromium-driver` (mvn verify"
      + " runs it itself as root or with password-less sudo: server/src/test/browser/ensure-chromium); elsewhere"
      + " install Chromium or Chrome and the matching ChromeDriver, and name them with -Dbuildstop.chromium=PATH"
      + " -Dbuildstop.chromedriver=PATH. `mvn verify -DexcludedGroups=browser` leaves these tests out; they never"
      + " skip.";

  private static final List<String> CHROMIUM_PLACES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
  private static final List<String> DRIVER_PLACES = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
      "/usr/local/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A started headless Chromium with a 1280×900 window; fails the test, saying how to install it, if missing. */
  static Chromium start() {
    Optional<String> chromium = found("buildstop.chromium", CHROMIUM_PLACES);
    Optional<String> driverBinary = found("buildstop.chromedriver", DRIVER_PLACES);
    if (chromium.isEmpty() || driverBinary.isEmpty()) {
      List<String> missing = new ArrayList<>();
      if (chromium.isEmpty()) {
        missing.add("no Chromium at " + lookedAt("buildstop.chromium", CHROMIUM_PLACES));
      }
      if (driverBinary.isEmpty()) {
        missing.add("no ChromeDriver at " + lookedAt("buildstop.chromedriver", DRIVER_PLACES));
      }
      return fail(String.format(MISSING, String.join(", and ", missing)));
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("buildstop-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get());
    // headless and without a sandbox (tests may run as root); the rest keep Chromium off the network, where every
    // connection it opens on its own is refused here, and its start quick
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--disable-default-apps", "--user-data-dir=" + profile,
        "--window-size=1280,900");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(driverBinary.get()))
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(60))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    return new Chromium(driver, profile);
  }

  // where found(property, places) looked: the path the property names, else the usual places
  private static String lookedAt(String property, List<String> places) {
    String named = System.getProperty(property);
    return named != null && !named.isBlank() ? named + " (-D" + property + ")" : String.join(", ", places);
  }

  private static Optional<String> found(String property, List<String> places) {
    String named = System.getProperty(property);
    if (named != null && !named.isBlank()) {
      return Optional.of(named).filter(path -> Files.isExecutable(Path.of(path)));
    }
    return places.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
  }

  /** The driver, to load pages and find elements. */
  ChromeDriver driver() {
    return driver;
  }

  /** Saves what the window shows now as a PNG at {@code file}, for a person to look at. */
  Path screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
