/**
 * What users do around stopping builds (spec §6), as plain functions over the ports {@link
 * io.buildstop.api.BuildStopper} and {@link io.buildstop.api.BuildReader}, and for batch builds over {@link
 * io.buildstop.api.BuildBatchStopper} and {@link io.buildstop.api.BuildBatchReader}:
 * <ul>
 *   <li>{@link io.buildstop.workflows.StopAndWait}: stop a build and poll until it is really complete (§4.9);
 *   <li>{@link io.buildstop.workflows.StopSuperseded}: stop the builds of a branch or pull request that a newer one
 *       supersedes;
 *   <li>{@link io.buildstop.workflows.StopRunaway}: stop the builds that have run too long;
 *   <li>{@link io.buildstop.workflows.StopOnCancellation}: stop the build your job started when the job is cancelled.
 * </ul>
 * Time comes from an injected {@link java.time.Clock} and waiting from an injected {@link
 * io.buildstop.workflows.Sleeper}, so tests run them in no time. Failures are values; nothing throws out of a
 * workflow, and nothing is null.
 */
package io.buildstop.workflows;
