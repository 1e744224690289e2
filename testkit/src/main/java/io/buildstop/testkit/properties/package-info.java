/**
 * What buildstop adds to QuickTheories, written once for every property of the project and of its users: a
 * property run with a number of tries and a reproducible seed ({@link io.buildstop.testkit.properties.Property}),
 * a check that generators reach their interesting cases ({@link io.buildstop.testkit.properties.Coverage}), small
 * generator combinators ({@link io.buildstop.testkit.properties.Gens}), and model-based testing over generated
 * command sequences that shrink to a minimal failing session ({@link io.buildstop.testkit.properties.ModelCheck}).
 *
 * <p>Every property runs inside an ordinary JUnit 5 {@code @Test}. Nothing here returns or accepts {@code null}.
 */
package io.buildstop.testkit.properties;
