/**
 * The port applications program against: {@link io.buildstop.api.BuildStopper}. Backends implement it; the domain
 * types it speaks ({@link io.buildstop.domain.model.Build}, {@link io.buildstop.domain.StopFailure}) come from
 * {@code io.buildstop.domain}. {@link io.buildstop.api.EventSink} receives a backend's build events;
 * {@link io.buildstop.api.BuildEventSource} subscribes one to them.
 */
package io.buildstop.api;
