/**
 * The server's parts: the protocol ({@link io.buildstop.server.internal.Dispatcher}), request checks, the
 * operations, SigV4 verification and lifecycle mode. Not an API: anything here may change in any release.
 */
package io.buildstop.server.internal;
