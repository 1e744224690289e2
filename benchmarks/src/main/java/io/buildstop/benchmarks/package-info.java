/**
 * JMH benchmarks of the in-memory stop, the stop rule, the SDK mapping and the wire codec; the heap-per-build
 * measurement; and the servers {@code bench/server-load.sh} drives. See {@code BENCHMARKS.md} at the repository
 * root for the commands and the figures.
 */
package io.buildstop.benchmarks;
