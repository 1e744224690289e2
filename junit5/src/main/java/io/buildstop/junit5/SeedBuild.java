package io.buildstop.junit5;

import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Builds that exist before the test (or each test of the class) runs, started through the in-memory CodeBuild's
 * seeding API: running in a phase, or complete with a final status. Their project exists too. Repeatable; on a test
 * class or a test method. With state reset, class-level seeds are put back before each test. Find the seeded builds
 * with {@code codeBuild.builds()} or ListBuildsForProject.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(SeedBuilds.class)
public @interface SeedBuild {
  /** The project the builds belong to. */
  String project();

  /** How many such builds; 1 by default. */
  int count() default 1;

  /** The phase a running build is in: SUBMITTED through FINALIZING; BUILD by default. Ignored for a final status. */
  BuildPhaseType phase() default BuildPhaseType.BUILD;

  /**
   * IN_PROGRESS (the default) for a running build in {@link #phase()}; SUCCEEDED, FAILED, FAULT, TIMED_OUT or
   * STOPPED for a complete one.
   */
  StatusType status() default StatusType.IN_PROGRESS;
}
