/**
 * A faithful CodeBuild in every JUnit 5 test: {@link io.buildstop.junit5.CodeBuildTest} on a test class, or a
 * {@link io.buildstop.junit5.CodeBuildExtension} in a {@code @RegisterExtension} field. The in-memory CodeBuild, a
 * local endpoint, a clock, ready AWS SDK clients and the environment another process needs are injected as test
 * parameters; state is reset before each test.
 */
package io.buildstop.junit5;
