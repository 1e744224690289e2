/**
 * How the wire codec works inside: the JSON settings, the member readers and writers (hand-written), and one codec
 * per CodeBuild shape ({@code <Shape>Codec}, generated from the AWS SDK's model by buildstop-codegen). Not an API:
 * anything here may change in any release. Use {@link io.buildstop.wire.WireCodec} instead.
 */
package io.buildstop.wire.internal;
