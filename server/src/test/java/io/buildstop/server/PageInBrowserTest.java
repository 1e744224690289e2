package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.SortOrderType;
import io.buildstop.testkit.memory.InMemoryFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The endpoint's page ({@code /_buildstop/ui/}, issue 20) in a real browser: headless Chromium, driven by Selenium,
 * against a server on loopback. What a person sees: the builds newest first, a build's phases with the open one
 * growing and advancing, a Stop button that leaves the build as StopBuild would, paging through 10,000 builds,
 * filters, and nothing of a build shown as markup or a secret shown at all. The screenshots land in {@code
 * target/page-screenshots/}.
 */
@Tag("browser") // needs Chromium: mvn verify -DexcludedGroups=browser leaves it out
class PageInBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "page-screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)m\\s*)?(\\d+)s");

  private static Chromium chromium;

  @BeforeAll
  static void startChromium() {
    chromium = Chromium.start();
  }

  @AfterAll
  static void closeChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  // --- a build's phases, and the Stop button (the check, with --lifecycle 2s)

  @Test
  void theOpenPhaseGrowsAndAdvancesAndAStopClickLeavesTheBuildStoppedAsStopBuildWould() {
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(Duration.ofSeconds(2)).start()) {
      server.createProject("web-app");
      String id = startBuild(server, "web-app");
      WebDriver page = open(server);

      buildRow(page, id).click();
      WebElement detail = waitFor(page, By.cssSelector("[data-testid=build-detail][data-build-id='" + id + "']"));
      assertThat(phaseTypes(detail)).startsWith("SUBMITTED");

      // the open phase, watched for a while: its duration grows while it is open, and the build moves on
      Map<String, List<Integer>> openPhaseSeconds = watchOpenPhase(page, id, Duration.ofSeconds(7));
      assertThat(openPhaseSeconds.size()).as("open phases seen: %s", openPhaseSeconds).isGreaterThanOrEqualTo(2);
      assertThat(openPhaseSeconds.values()).as("an open phase's duration grew: %s", openPhaseSeconds)
          .anySatisfy(seconds -> assertThat(seconds.get(seconds.size() - 1)).isGreaterThan(seconds.get(0)));
      chromium.screenshot(SCREENSHOTS.resolve("running-build.png"));

      detailOf(page, id).findElement(By.cssSelector("[data-testid=stop-build]")).click();
      until(page, driver -> text(driver, By.cssSelector("[data-testid=stop-result]")).contains("STOPPED"));
      until(page, driver -> "STOPPED".equals(text(detailOf(driver, id), By.cssSelector("[data-testid=detail-status]"))));
      until(page, driver -> phaseTypes(detailOf(driver, id)).contains("COMPLETED"));
      until(page, driver -> "STOPPED".equals(text(buildRow(driver, id), By.cssSelector("[data-testid=build-status]"))));
      assertThat(detailOf(page, id).findElements(By.cssSelector("[data-testid=stop-build]"))).isEmpty();
      // and the recent events tell it: the build's STOPPED state change
      until(page, driver -> driver.findElements(By.cssSelector("[data-testid=event-row]")).stream()
          .map(WebElement::getText)
          .anyMatch(event -> event.contains("Build State Change") && event.contains(id) && event.contains("STOPPED")));
      chromium.screenshot(SCREENSHOTS.resolve("stopped-build.png"));

      // as StopBuild would leave it: STOPPED, complete, its last phases STOPPED then COMPLETED, told once
      Build stopped = server.backend().build(BuildId.parse(id).get()).orElseThrow();
      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(stopped.buildComplete()).contains(true);
      assertThat(stopped.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(stopped.phases().get(stopped.phases().size() - 2).phaseStatus()).contains(StatusType.STOPPED);
      assertThat(stoppedEvents(server, id)).hasSize(1);
    }
  }

  // --- 10,000 builds: paged, newest first, and filtered

  @Test
  void tenThousandBuildsArePagedNewestFirstAndEveryPageAnswersAtOnce() {
    try (CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create())) {
      InMemoryCodeBuild backend = server.backend();
      List<String> started = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        Build build = i % 10 == 0
            ? backend.startBuildInPhase(i % 20 == 0 ? "api" : "web", BuildPhaseType.BUILD).get()
            : backend.startCompletedBuild(i % 2 == 0 ? "api" : "web", StatusType.SUCCEEDED).get();
        started.add(build.id().orElseThrow());
      }
      WebDriver page = open(server);
      until(page, driver -> text(driver, By.cssSelector("[data-testid=page-info]")).contains("10000")
          || text(driver, By.cssSelector("[data-testid=page-info]")).contains("10,000"));

      // newest first: the order ListBuilds answers, DESCENDING, and its next page after
      List<String> newestFirst = server.backend().listBuilds(SortOrderType.DESCENDING, Optional.empty()).get().ids()
          .stream().map(BuildId::value).toList();
      List<String> firstPage = shownBuildIds(page);
      assertThat(firstPage).isNotEmpty();
      assertThat(firstPage).isEqualTo(newestFirst.subList(0, firstPage.size()));
      assertThat(started.subList(started.size() - 100, started.size())).contains(firstPage.get(0));

      page.findElement(By.cssSelector("[data-testid=next-page]")).click();
      until(page, driver -> !shownBuildIds(driver).isEmpty() && !shownBuildIds(driver).get(0).equals(firstPage.get(0)));
      List<String> secondPage = shownBuildIds(page);
      assertThat(secondPage).isEqualTo(newestFirst.subList(firstPage.size(), firstPage.size() + secondPage.size()));
      chromium.screenshot(SCREENSHOTS.resolve("ten-thousand-builds.png"));

      page.findElement(By.cssSelector("[data-testid=prev-page]")).click();
      until(page, driver -> shownBuildIds(driver).equals(firstPage));

      // filters: one project's running builds only (500 of them)
      new Select(page.findElement(By.cssSelector("[data-testid=filter-project]"))).selectByValue("api");
      new Select(page.findElement(By.cssSelector("[data-testid=filter-status]"))).selectByValue("IN_PROGRESS");
      until(page, driver -> text(driver, By.cssSelector("[data-testid=page-info]")).contains("500")
          && shownRows(driver).stream().allMatch(row -> row.getAttribute("data-build-id").startsWith("api:")
              && "IN_PROGRESS".equals(text(row, By.cssSelector("[data-testid=build-status]")))));
    }
  }

  // --- nothing of a build is markup, and no secret reaches the page

  @Test
  void aBuildsValuesAreShownAsTextNeverRunAsMarkup() {
    try (CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create())) {
      server.createProject("web-app");
      String hostile = "<img src=x onerror=\"window.__buildstopInjected=1\">";
      String id = startBuild(server, "web-app", "'sourceVersion': '" + hostile.replace("\"", "\\\"") + "'");
      WebDriver page = open(server);
      buildRow(page, id).click();
      WebElement detail = waitFor(page, By.cssSelector("[data-testid=build-detail][data-build-id='" + id + "']"));

      until(page, driver -> detailOf(driver, id).getText().contains(hostile));
      assertThat(detail.findElements(By.tagName("img"))).isEmpty();
      assertThat(((JavascriptExecutor) page).executeScript("return window.__buildstopInjected === undefined"))
          .isEqualTo(true);
    }
  }

  @Test
  void secretVariablesAndRegistryCredentialsNeverReachThePage() {
    try (CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create())) {
      server.createProject("web-app");
      String id = startBuild(server, "web-app", "'environmentVariablesOverride': ["
          + "{'name': 'GREETING', 'value': 'plain-hello', 'type': 'PLAINTEXT'},"
          + "{'name': 'DB_PASSWORD', 'value': 'prod/db:password-secret-ref', 'type': 'SECRETS_MANAGER'},"
          + "{'name': 'API_TOKEN', 'value': '/prod/api-token-param', 'type': 'PARAMETER_STORE'}],"
          + "'registryCredentialOverride': {'credential': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:"
          + "registry-cred-xyz', 'credentialProvider': 'SECRETS_MANAGER'}");
      WebDriver page = open(server);
      buildRow(page, id).click();
      waitFor(page, By.cssSelector("[data-testid=build-detail][data-build-id='" + id + "']"));
      until(page, driver -> driver.getPageSource().contains("DB_PASSWORD"));

      String shown = page.getPageSource();
      assertThat(shown).contains("plain-hello");
      assertThat(shown).doesNotContain("password-secret-ref", "api-token-param", "registry-cred-xyz");
    }
  }

  // --- batches

  @Test
  void aRunningBatchIsStoppedByItsButton() {
    try (CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create())) {
      BuildBatch batch = InMemoryFixture.of(server.backend()).runningBatch("web-app");
      String id = batch.id().orElseThrow();
      WebDriver page = open(server);
      WebElement row = waitFor(page, By.cssSelector("[data-testid=batch-row][data-batch-id='" + id + "']"));
      row.findElement(By.cssSelector("[data-testid=stop-batch]")).click();
      until(page, driver -> "STOPPED".equals(text(batchRow(driver, id), By.cssSelector("[data-testid=batch-status]"))));
      assertThat(server.backend().buildBatch(BuildId.parse(id).get()).orElseThrow().buildBatchStatus())
          .contains(StatusType.STOPPED);
    }
  }

  // --- with SigV4 on, the page's stop waits for the user's opt-in

  @Test
  void withSignaturesOnTheStopButtonIsDisabledAndSaysWhy() {
    try (CodeBuildServer server = CodeBuildServer.builder().credentials("AKIDPAGETEST", "page-secret").start()) {
      Build running = server.backend().startBuildInPhase("web-app", BuildPhaseType.BUILD).get();
      String id = running.id().orElseThrow();
      WebDriver page = open(server);
      buildRow(page, id).click();
      WebElement stop = waitFor(page, By.cssSelector("[data-testid=build-detail] [data-testid=stop-build]"));
      until(page, driver -> !stop.isEnabled());
      assertThat(stop.getAttribute("title")).containsIgnoringCase("page-stop-unsigned");
      assertThat(server.backend().build(BuildId.parse(id).get()).orElseThrow().buildStatus())
          .contains(StatusType.IN_PROGRESS);
    }
  }

  // --- helpers

  private static WebDriver open(CodeBuildServer server) {
    WebDriver driver = chromium.driver();
    driver.get(server.page().toString());
    until(driver, d -> text(d, By.cssSelector("[data-testid=connection]")).contains("live"));
    return driver;
  }

  private static String startBuild(CodeBuildServer server, String project) {
    return startBuild(server, project, "");
  }

  private static String startBuild(CodeBuildServer server, String project, String moreMembers) {
    RawHttp.Reply reply = RawHttp.call(server.endpoint(), "StartBuild",
        RawHttp.json("{'projectName': '" + project + "'" + (moreMembers.isEmpty() ? "" : ", " + moreMembers) + "}"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("build").path("id").asText();
  }

  private static Map<String, List<Integer>> watchOpenPhase(WebDriver page, String id, Duration watched) {
    Map<String, List<Integer>> seconds = new LinkedHashMap<>();
    long end = System.nanoTime() + watched.toNanos();
    while (System.nanoTime() < end) {
      openPhase(page, id).ifPresent(phase -> {
        Matcher duration = DURATION.matcher(text(phase, By.cssSelector("[data-testid=phase-duration]")));
        if (duration.find()) {
          int total = (duration.group(1) == null ? 0 : 60 * Integer.parseInt(duration.group(1)))
              + Integer.parseInt(duration.group(2));
          seconds.computeIfAbsent(phase.getAttribute("data-phase-type"), type -> new ArrayList<>()).add(total);
        }
      });
      sleep(Duration.ofMillis(250));
    }
    return seconds;
  }

  private static Optional<WebElement> openPhase(WebDriver page, String id) {
    try {
      return detailOf(page, id).findElements(By.cssSelector("[data-testid=phase][data-phase-open=true]")).stream()
          .findFirst();
    } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
        redrawn) {
      // the page redrew the detail between the find and the read: the next look sees the new one
      return Optional.empty();
    }
  }

  private static List<String> phaseTypes(WebElement detail) {
    return detail.findElements(By.cssSelector("[data-testid=phase]")).stream()
        .map(phase -> phase.getAttribute("data-phase-type")).toList();
  }

  private static List<WebElement> shownRows(WebDriver page) {
    return page.findElements(By.cssSelector("[data-testid=build-row]"));
  }

  private static List<String> shownBuildIds(WebDriver page) {
    return shownRows(page).stream().map(row -> row.getAttribute("data-build-id")).toList();
  }

  private static List<BuildEvent> stoppedEvents(CodeBuildServer server, String id) {
    return server.recentEvents().stream()
        .filter(event -> event instanceof BuildStateChange change
            && change.detail().buildId().filter(arn -> arn.endsWith(":build/" + id)).isPresent()
            && change.detail().buildStatusAsString().equals(Optional.of("STOPPED")))
        .toList();
  }

  private static WebElement buildRow(WebDriver page, String id) {
    return waitFor(page, By.cssSelector("[data-testid=build-row][data-build-id='" + id + "']"));
  }

  private static WebElement batchRow(WebDriver page, String id) {
    return waitFor(page, By.cssSelector("[data-testid=batch-row][data-batch-id='" + id + "']"));
  }

  private static WebElement detailOf(WebDriver page, String id) {
    return waitFor(page, By.cssSelector("[data-testid=build-detail][data-build-id='" + id + "']"));
  }

  private static WebElement waitFor(WebDriver page, By element) {
    return new WebDriverWait(page, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> driver.findElements(element).stream().findFirst().orElse(null));
  }

  private static void until(WebDriver page, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(page, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }

  private static String text(org.openqa.selenium.SearchContext in, By element) {
    return in.findElements(element).stream().findFirst().map(WebElement::getText).orElse("");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
