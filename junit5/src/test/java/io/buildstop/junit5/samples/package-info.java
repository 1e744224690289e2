/**
 * Test classes that the module's tests run through JUnit's engine test kit, to watch what happens across tests,
 * classes and threads (some of them fail on purpose). Named {@code *Sample}, so Surefire never runs them itself.
 */
package io.buildstop.junit5.samples;
