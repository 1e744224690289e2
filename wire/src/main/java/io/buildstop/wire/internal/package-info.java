/**
 * How the wire codec works inside: the JSON settings, the member readers and writers, and one codec per group of
 * CodeBuild shapes. Not an API: anything here may change in any release. Use {@link io.buildstop.wire.WireCodec}
 * instead.
 */
package io.buildstop.wire.internal;
