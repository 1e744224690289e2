/** Runnable examples of embedding buildstop: the README's example and the main job. */
package io.buildstop.examples;
