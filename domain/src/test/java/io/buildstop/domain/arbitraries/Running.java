package io.buildstop.domain.arbitraries;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Restricts a {@code @ForAll Build} under {@code @Domain(BuildDomain.class)} to running builds: IN_PROGRESS, in any
 * phase from SUBMITTED to FINALIZING, as {@link BuildDomain#runningBuilds()} makes them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Running {}
