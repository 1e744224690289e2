package io.buildstop.junit5.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.junit5.CodeBuildRuntime;
import io.buildstop.memory.InMemoryCodeBuild;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Where the parallel samples meet: each starts a build in its own CodeBuild, then waits for the other. Both pass
 * only if they ran at the same time (run one after the other, the first waits in vain and fails), and neither sees
 * the other's build.
 */
public final class ParallelRendezvous {
  /** The endpoint each class saw, by class. */
  public static final Map<String, URI> ENDPOINTS = new ConcurrentHashMap<>();
  private static volatile CyclicBarrier barrier = new CyclicBarrier(2);

  private ParallelRendezvous() {}

  /** Ready for a new run. */
  public static void reset() {
    ENDPOINTS.clear();
    barrier = new CyclicBarrier(2);
  }

  static void meet(String name, CodeBuildRuntime runtime, InMemoryCodeBuild codeBuild) throws Exception {
    ENDPOINTS.put(name, runtime.endpoint());
    codeBuild.startBuild("parallel-" + name);
    barrier.await(Long.getLong("buildstop.rendezvous.timeout", 20), TimeUnit.SECONDS);
    assertThat(codeBuild.builds()).singleElement()
        .satisfies(build -> assertThat(build.projectName()).contains("parallel-" + name));
  }
}
