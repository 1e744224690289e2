package io.buildstop.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A project that exists before the test (or each test of the class) runs, as the smallest CreateProject input
 * makes it, so that StartBuild, BatchGetProjects and ListBuildsForProject find it over the endpoint. Repeatable; on
 * a test class or a test method. With state reset, class-level seeds are put back before each test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(SeedProjects.class)
public @interface SeedProject {
  /** The project's name, following CodeBuild's pattern ({@code [A-Za-z0-9][A-Za-z0-9\-_]{1,254}}). */
  String value();
}
