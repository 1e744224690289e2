/**
 * jqwik generators for the domain, published in the domain's test-jar for every module's tests:
 * {@link io.buildstop.domain.arbitraries.BuildDomain} (the one domain context, for {@code @ForAll Build}),
 * {@link io.buildstop.domain.arbitraries.BuildArbitraries} (builds in real states, made through the lifecycle) and
 * {@link io.buildstop.domain.arbitraries.ValueArbitraries} (every nested value type, member by member).
 */
package io.buildstop.domain.arbitraries;
