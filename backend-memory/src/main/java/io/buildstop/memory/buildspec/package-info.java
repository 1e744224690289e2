/**
 * Reading buildspecs as CodeBuild reads them: {@link io.buildstop.memory.buildspec.BatchBuildspecReader} turns the
 * {@code batch} section of a buildspec's text into a validated {@link io.buildstop.domain.batch.BatchSpec}, or into
 * the {@link io.buildstop.domain.BatchSpecFailure} CodeBuild's refusal stands for (docs/batch-buildspec.md). The
 * only package of buildstop that knows a YAML library.
 *
 * <p>Nothing here returns or accepts null, and nothing throws.
 */
package io.buildstop.memory.buildspec;
