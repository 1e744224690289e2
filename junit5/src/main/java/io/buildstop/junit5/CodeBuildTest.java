package io.buildstop.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A faithful CodeBuild for every test of the class: one in-memory CodeBuild and, unless {@link #endpoint()} is
 * false, a local endpoint on {@code 127.0.0.1} over it, started before the class's first test and closed after its
 * last; its state (builds, projects, armed failures, call history, a controllable clock) reset before each test
 * unless {@link #resetBeforeEach()} is false. {@code @Nested} classes share their outer class's; each top-level
 * class has its own, so test classes run in parallel.
 *
 * <p>Test methods (and constructors, lifecycle methods) may declare parameters of these types:
 * {@link io.buildstop.memory.InMemoryCodeBuild} (seeding, failure injection, history), {@link
 * io.buildstop.api.BuildStopper}, {@link io.buildstop.api.BuildReader}, {@link java.time.Clock}, {@link TestClock}
 * (with {@link ClockMode#CONTROLLABLE}), and with the endpoint {@link CodeBuildRuntime}, {@link
 * io.buildstop.server.CodeBuildServer} and, when the AWS SDK for Java v2 is on the test classpath, a ready {@code
 * CodeBuildClient} and {@code CodeBuildAsyncClient}, closed by the extension.
 *
 * <pre>{@code
 * @CodeBuildTest
 * class DeployTest {
 *   @Test
 *   @SeedBuild(project = "deploy")
 *   void stopsTheRunningDeploy(CodeBuildClient codeBuild, InMemoryCodeBuild backend) { ... }
 * }
 * }</pre>
 *
 * <p>{@link CodeBuildExtension#newInstance()} gives the same with settings in code.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CodeBuildExtension.class)
public @interface CodeBuildTest {
  /** Whether to start a local HTTP endpoint; true by default. False: the in-memory CodeBuild only, in-process. */
  boolean endpoint() default true;

  /**
   * Lifecycle mode: each running build stays this many milliseconds in each phase, then completes as SUCCEEDED
   * unless stopped first. 0 (the default) turns it off: builds stay where StartBuild or seeding left them.
   */
  long phaseMillis() default 0;

  /**
   * Asynchronous stops (spec §4.9): StopBuild is accepted at once, but the build shows as running for this many
   * milliseconds. 0 by default.
   */
  long stopLatencyMillis() default 0;

  /** The clock: the system clock by default; fixed, or a {@link TestClock} the test moves. */
  ClockMode clock() default ClockMode.SYSTEM;

  /**
   * Where a fixed or controllable clock starts, ISO-8601 ({@code 2026-01-01T00:00:00Z}); empty (the default) for
   * the instant the CodeBuild was created.
   */
  String clockStart() default "";

  /**
   * Whether the endpoint refuses requests not signed (SigV4) with {@link #accessKeyId()} and {@link
   * #secretAccessKey()}, as CodeBuild does; false by default. The injected clients and environment sign either way.
   */
  boolean verifySignatures() default false;

  /** The access key id the injected clients and environment use. */
  String accessKeyId() default CodeBuildRuntime.DEFAULT_ACCESS_KEY_ID;

  /** The secret access key the injected clients and environment use. */
  String secretAccessKey() default CodeBuildRuntime.DEFAULT_SECRET_ACCESS_KEY;

  /** The region: in build ARNs, the signing scope and the clients; {@code us-east-1} by default. */
  String region() default "us-east-1";

  /** The account in ARNs, twelve digits; {@code 123456789012} by default. */
  String accountId() default "123456789012";

  /**
   * Whether state is reset before each test (true by default): no builds or projects but the seeded ones, no armed
   * failure, an empty call history, a controllable clock back at its start. False keeps what earlier tests left.
   */
  boolean resetBeforeEach() default true;

  /**
   * Whether a test fails when the code under test called an operation, or stopped a build, that it did not
   * declare with {@link ExpectCalls}; false by default.
   */
  boolean failOnUnexpectedCalls() default false;
}
