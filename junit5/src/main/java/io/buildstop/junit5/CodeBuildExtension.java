package io.buildstop.junit5;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.junit5.internal.Fixture;
import io.buildstop.junit5.internal.Settings;
import io.buildstop.memory.BuildEventRecorder;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CodeBuildTest}, and its programmatic form:
 *
 * <pre>{@code
 * @RegisterExtension
 * static CodeBuildExtension codeBuild = CodeBuildExtension.newInstance().stopLatency(Duration.ofSeconds(2)).build();
 * }</pre>
 *
 * <p>In a static field, one CodeBuild serves the class (and its {@code @Nested} classes); in an instance field, each
 * test gets its own. State is reset before each test unless {@link Builder#keepStateBetweenTests()}. The running
 * CodeBuild is also reachable through the field ({@link #backend()}, {@link #runtime()}). Parameters are injected as
 * {@link CodeBuildTest} describes.
 *
 * <p>Test classes that run in parallel each have their own CodeBuild. The tests of one class share theirs, so they
 * run on one thread unless each has its own (an instance field).
 */
public final class CodeBuildExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CodeBuildExtension.class);
  private static final String DECLARED = "declared";

  // empty for @CodeBuildTest, whose settings are read from the annotation of the test class
  private final Optional<Settings> programmatic;
  private volatile Fixture current;

  /** The extension of {@link CodeBuildTest}: JUnit makes it; use {@link #newInstance()} in code. */
  public CodeBuildExtension() {
    this.programmatic = Optional.empty();
  }

  private CodeBuildExtension(Settings settings) {
    this.programmatic = Optional.of(settings);
  }

  /** A builder for a {@code @RegisterExtension} field, with {@link CodeBuildTest}'s defaults. */
  public static Builder newInstance() {
    return new Builder();
  }

  /**
   * The in-memory CodeBuild of the running test.
   *
   * @throws IllegalStateException outside a test
   */
  public InMemoryCodeBuild backend() {
    return running().backend();
  }

  /**
   * The endpoint's runtime: endpoint, region, credentials, environment.
   *
   * @throws IllegalStateException outside a test, or in-process only
   */
  public CodeBuildRuntime runtime() {
    return running().runtime().orElseThrow(() -> new IllegalStateException("in-process only: no endpoint"));
  }

  /**
   * The endpoint, {@code http://127.0.0.1:<port>}.
   *
   * @throws IllegalStateException outside a test, or in-process only
   */
  public URI endpoint() {
    return runtime().endpoint();
  }

  /**
   * The clock the CodeBuild reads: a {@link TestClock} with {@link ClockMode#CONTROLLABLE}.
   *
   * @throws IllegalStateException outside a test
   */
  public Clock clock() {
    return running().clock();
  }

  private Fixture running() {
    Fixture fixture = current;
    if (fixture == null) {
      throw new IllegalStateException("no CodeBuild is running: the extension starts one for a test class or test");
    }
    return fixture;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Fixture inherited = store.get(key(), Fixture.class);
    if (inherited != null) {
      // a @Nested class shares its outer class's CodeBuild; its own class-level seeds join it
      if (!inherited.settings().resetBeforeEach()) {
        inherited.seed(seeds(context.getRequiredTestClass(), SeedProject.class),
            seeds(context.getRequiredTestClass(), SeedBuild.class));
      }
      return;
    }
    Fixture fixture = start(settingsFor(context), context);
    if (!fixture.settings().resetBeforeEach()) {
      seedClasses(fixture, context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeIfOwner(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Fixture fixture = context.getStore(NAMESPACE).get(key(), Fixture.class);
    if (fixture == null) {
      // an instance field: one CodeBuild for this test alone
      fixture = start(settingsFor(context), context);
      seedClasses(fixture, context);
    } else if (fixture.settings().resetBeforeEach()) {
      fixture.reset();
      seedClasses(fixture, context);
    }
    current = fixture;
    fixture.seed(seeds(context.getRequiredTestMethod(), SeedProject.class),
        seeds(context.getRequiredTestMethod(), SeedBuild.class));
    fixture.beginTest();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Fixture fixture = context.getStore(NAMESPACE).get(key(), Fixture.class);
    try {
      if (fixture != null && fixture.settings().failOnUnexpectedCalls() && context.getExecutionException().isEmpty()) {
        List<String> unexpected = fixture.unexpectedCalls(expectedCalls(context));
        if (!unexpected.isEmpty()) {
          throw new AssertionError("unexpected CodeBuild calls:\n  " + String.join("\n  ", unexpected));
        }
      }
    } finally {
      closeIfOwner(context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == InMemoryCodeBuild.class || type == BuildStopper.class || type == BuildReader.class
        || type == Clock.class || type == TestClock.class || type == CodeBuildRuntime.class
        || type == CodeBuildServer.class || type == BuildEventRecorder.class || Fixture.isSdkClient(type.getName());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Fixture fixture = context.getStore(NAMESPACE).get(key(), Fixture.class);
    Class<?> type = parameter.getParameter().getType();
    if (fixture == null) {
      throw new ParameterResolutionException("no CodeBuild is running for " + parameter.getDeclaringExecutable()
          + ": with CodeBuildExtension in an instance field, inject into test methods only");
    }
    if (type == InMemoryCodeBuild.class || type == BuildStopper.class || type == BuildReader.class) {
      return fixture.backend();
    }
    if (type == Clock.class) {
      return fixture.clock();
    }
    if (type == BuildEventRecorder.class) {
      return fixture.events();
    }
    if (type == TestClock.class) {
      return fixture.testClock().orElseThrow(() -> new ParameterResolutionException(
          "a TestClock is injected with a controllable clock: @CodeBuildTest(clock = ClockMode.CONTROLLABLE)"));
    }
    String noEndpoint = type.getSimpleName() + " needs the endpoint, which this CodeBuild runs without"
        + " (@CodeBuildTest(endpoint = false))";
    if (type == CodeBuildRuntime.class) {
      return fixture.runtime().orElseThrow(() -> new ParameterResolutionException(noEndpoint));
    }
    if (type == CodeBuildServer.class) {
      return fixture.server().orElseThrow(() -> new ParameterResolutionException(noEndpoint));
    }
    if (fixture.runtime().isEmpty()) {
      throw new ParameterResolutionException(noEndpoint);
    }
    try {
      return fixture.client(type.getName());
    } catch (RuntimeException | LinkageError e) {
      throw new ParameterResolutionException("cannot build the " + type.getSimpleName() + " (does the test"
          + " classpath hold an HTTP client for it, such as url-connection-client or netty-nio-client?): " + e, e);
    }
  }

  private Fixture start(Settings settings, ExtensionContext context) {
    Fixture fixture = Fixture.start(settings, context.getUniqueId());
    context.getStore(NAMESPACE).put(key(), fixture);
    current = fixture;
    return fixture;
  }

  private void closeIfOwner(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Fixture fixture = store.get(key(), Fixture.class);
    if (fixture != null && fixture.owner().equals(context.getUniqueId())) {
      // removed first: JUnit (5.13 and later) would close a stored AutoCloseable too
      store.remove(key());
      if (current == fixture) {
        current = null;
      }
      fixture.close();
    }
  }

  // @CodeBuildTest: one CodeBuild per top-level class under one key; a field's extension: its own key
  private String key() {
    return programmatic.isEmpty() ? DECLARED : "field-" + System.identityHashCode(this);
  }

  private Settings settingsFor(ExtensionContext context) {
    if (programmatic.isPresent()) {
      return programmatic.get();
    }
    Class<?> testClass = context.getRequiredTestClass();
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<CodeBuildTest> annotation = AnnotationSupport.findAnnotation(c, CodeBuildTest.class);
      if (annotation.isPresent()) {
        return fromAnnotation(annotation.get(), c);
      }
    }
    throw new ExtensionConfigurationException("CodeBuildExtension registered with @ExtendWith on " + testClass
        + " without @CodeBuildTest: use @CodeBuildTest, or CodeBuildExtension.newInstance() in a field");
  }

  private static Settings fromAnnotation(CodeBuildTest test, Class<?> on) {
    try {
      return new Settings(test.endpoint(),
          test.phaseMillis() == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(test.phaseMillis())),
          Duration.ofMillis(test.stopLatencyMillis()), test.clock(),
          test.clockStart().isEmpty() ? Optional.empty() : Optional.of(Instant.parse(test.clockStart())),
          test.verifySignatures(), test.accessKeyId(), test.secretAccessKey(), test.region(), test.accountId(),
          test.resetBeforeEach(), test.failOnUnexpectedCalls());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ExtensionConfigurationException("@CodeBuildTest on " + on.getName() + ": " + e.getMessage(), e);
    }
  }

  // the class-level seeds of the test's class and its enclosing classes, outermost first
  private static void seedClasses(Fixture fixture, ExtensionContext context) {
    Deque<Class<?>> classes = new ArrayDeque<>();
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      classes.push(c);
    }
    for (Class<?> c : classes) {
      fixture.seed(seeds(c, SeedProject.class), seeds(c, SeedBuild.class));
    }
  }

  private static <A extends java.lang.annotation.Annotation> List<A> seeds(AnnotatedElement element, Class<A> type) {
    return new ArrayList<>(AnnotationSupport.findRepeatableAnnotations(element, type));
  }

  private static Optional<ExpectCalls> expectedCalls(ExtensionContext context) {
    Optional<ExpectCalls> onMethod = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(),
        ExpectCalls.class);
    if (onMethod.isPresent()) {
      return onMethod;
    }
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<ExpectCalls> onClass = AnnotationSupport.findAnnotation(c, ExpectCalls.class);
      if (onClass.isPresent()) {
        return onClass;
      }
    }
    return Optional.empty();
  }

  /** Builds a {@link CodeBuildExtension}; every setting defaults as {@link CodeBuildTest}'s does. */
  public static final class Builder {
    private boolean endpoint = true;
    private Optional<Duration> phaseDuration = Optional.empty();
    private Duration stopLatency = Duration.ZERO;
    private ClockMode clockMode = ClockMode.SYSTEM;
    private Optional<Instant> clockStart = Optional.empty();
    private boolean verifySignatures;
    private String accessKeyId = CodeBuildRuntime.DEFAULT_ACCESS_KEY_ID;
    private String secretAccessKey = CodeBuildRuntime.DEFAULT_SECRET_ACCESS_KEY;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private boolean resetBeforeEach = true;
    private boolean failOnUnexpectedCalls;

    private Builder() {}

    /** No endpoint: the in-memory CodeBuild only, in-process. */
    public Builder inProcessOnly() {
      this.endpoint = false;
      return this;
    }

    /** Lifecycle mode: each running build stays {@code phaseDuration} in each phase, then succeeds unless stopped. */
    public Builder lifecycle(Duration phaseDuration) {
      this.phaseDuration = Optional.of(Objects.requireNonNull(phaseDuration, "phaseDuration"));
      return this;
    }

    /** Asynchronous stops (spec §4.9): a stopped build shows as running for {@code stopLatency}. */
    public Builder stopLatency(Duration stopLatency) {
      this.stopLatency = Objects.requireNonNull(stopLatency, "stopLatency");
      return this;
    }

    /** A clock standing still at {@code instant}. */
    public Builder fixedClock(Instant instant) {
      this.clockMode = ClockMode.FIXED;
      this.clockStart = Optional.of(Objects.requireNonNull(instant, "instant"));
      return this;
    }

    /** A {@link TestClock} starting at {@code start}, which tests move and inject. */
    public Builder controllableClock(Instant start) {
      this.clockMode = ClockMode.CONTROLLABLE;
      this.clockStart = Optional.of(Objects.requireNonNull(start, "start"));
      return this;
    }

    /** A {@link TestClock} starting at the instant the CodeBuild is created. */
    public Builder controllableClock() {
      this.clockMode = ClockMode.CONTROLLABLE;
      this.clockStart = Optional.empty();
      return this;
    }

    /** The endpoint refuses requests not signed (SigV4) with the credentials. */
    public Builder verifySignatures() {
      this.verifySignatures = true;
      return this;
    }

    /** The credentials the injected clients and environment use (and the endpoint accepts, when it verifies). */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      return this;
    }

    /** The region; {@code us-east-1} by default. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The account in ARNs; {@code 123456789012} by default. */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** No reset before each test: each test sees what the earlier ones left. */
    public Builder keepStateBetweenTests() {
      this.resetBeforeEach = false;
      return this;
    }

    /** A test fails when it called an operation, or stopped a build, that it did not declare ({@link ExpectCalls}). */
    public Builder failOnUnexpectedCalls() {
      this.failOnUnexpectedCalls = true;
      return this;
    }

    /**
     * The extension, to put in a {@code @RegisterExtension} field.
     *
     * @throws IllegalArgumentException for settings that cannot work together (signatures or lifecycle without the
     *     endpoint, a negative latency)
     */
    public CodeBuildExtension build() {
      return new CodeBuildExtension(new Settings(endpoint, phaseDuration, stopLatency, clockMode, clockStart,
          verifySignatures, accessKeyId, secretAccessKey, region, accountId, resetBeforeEach, failOnUnexpectedCalls));
    }
  }
}
