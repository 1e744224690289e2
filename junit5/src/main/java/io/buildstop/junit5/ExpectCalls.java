package io.buildstop.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a test declares the code under test will call, checked when calls are strict ({@link
 * CodeBuildTest#failOnUnexpectedCalls()}, {@link CodeBuildExtension.Builder#failOnUnexpectedCalls()}): after the
 * test, it fails if an operation outside {@link #operations()} was called, or a build outside {@link #stops()} was
 * stopped. On a method, or on the class for all its tests (the method's wins). A strict test without it expects no
 * call at all.
 *
 * <p>Over the endpoint every operation is seen; in-process, only StopBuild (the in-memory CodeBuild's call history).
 * Seeding by the extension is not a call; a stop the test itself makes through the injected CodeBuild is.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ExpectCalls {
  /** The operations the code under test may call, by CodeBuild's names: {@code StopBuild}, {@code BatchGetBuilds}. */
  String[] operations() default {};

  /**
   * The builds it may stop: a build id, or a project name for any build of that project. Empty (the default) lets
   * StopBuild, when listed in {@link #operations()}, stop any build; naming builds here allows StopBuild for them
   * alone.
   */
  String[] stops() default {};
}
