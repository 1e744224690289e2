package io.buildstop.domain.arbitraries;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Restricts a {@code @ForAll Build} under {@code @Domain(BuildDomain.class)} to finished builds: SUCCEEDED, FAILED,
 * FAULT, TIMED_OUT or STOPPED, as {@link BuildDomain#completedBuilds()} makes them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Completed {}
