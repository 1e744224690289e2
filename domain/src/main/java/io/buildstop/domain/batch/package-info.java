/**
 * Where a batch's builds come from: the {@code batch} section of a buildspec as typed values
 * ({@link io.buildstop.domain.batch.BatchSpec} and its four kinds), and pure functions over them:
 * {@link io.buildstop.domain.batch.BatchValidation} (the rules CodeBuild refuses a section by) and
 * {@link io.buildstop.domain.batch.BatchExpansion} (the section's build tasks, in a documented order). Reading the YAML
 * is an adapter's job ({@code io.buildstop.memory.buildspec}); docs/batch-buildspec.md says what is read and which
 * choices are buildstop's policy.
 *
 * <p>Nothing here returns or accepts null.
 */
package io.buildstop.domain.batch;
