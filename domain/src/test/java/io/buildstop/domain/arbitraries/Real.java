package io.buildstop.domain.arbitraries;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Restricts a {@code @ForAll Build} under {@code @Domain(BuildDomain.class)} to builds in real states (spec §3),
 * running or finished, as {@link BuildDomain#realBuilds()} makes them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Real {}
