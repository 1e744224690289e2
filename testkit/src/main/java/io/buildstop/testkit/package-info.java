/**
 * One contract that every {@link io.buildstop.api.BuildStopper} passes, so that users can swap backends in their
 * tests and trust the swap: {@link io.buildstop.testkit.BuildStopperContract} (JUnit 5), {@link
 * io.buildstop.testkit.BuildStopperProperties} (properties over generated cases, QuickTheories), both driven through
 * a {@link io.buildstop.testkit.BuildStopperFixture}, and {@link io.buildstop.testkit.BuildAssert} for assertions.
 * The other ports have theirs: {@link io.buildstop.testkit.BuildReaderContract}, and for batch builds {@link
 * io.buildstop.testkit.BuildBatchStopperContract} and {@link io.buildstop.testkit.BuildBatchReaderContract}, driven
 * through a {@link io.buildstop.testkit.BuildBatchFixture}.
 * The generators are in {@code io.buildstop.testkit.generators}, the property kit in
 * {@code io.buildstop.testkit.properties}.
 */
package io.buildstop.testkit;
