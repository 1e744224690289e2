/**
 * buildstop's one generator family, for its own properties and for users': builds in any state
 * ({@link io.buildstop.testkit.generators.BuildGenerators}), every value type inside a build with each member present
 * or absent and unknown enum values from a newer CodeBuild ({@link io.buildstop.testkit.generators.ValueGenerators}),
 * valid and invalid build ids and ARNs ({@link io.buildstop.testkit.generators.BuildIds}), and projects with many
 * builds ({@link io.buildstop.testkit.generators.ProjectHistories}), the batch sections of buildspecs
 * ({@link io.buildstop.testkit.generators.BatchSpecs}), and batch builds in real states with the histories that reach
 * them ({@link io.buildstop.testkit.generators.BatchGenerators}). All are QuickTheories {@code Gen}s, which shrink.
 */
package io.buildstop.testkit.generators;
