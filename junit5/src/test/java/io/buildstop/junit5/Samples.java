package io.buildstop.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs sample test classes on the Jupiter engine, as a user's build would, and hands back what happened. */
final class Samples {
  private Samples() {}

  static Events run(Map<String, String> configuration, Class<?>... classes) {
    EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").configurationParameters(configuration);
    for (Class<?> c : classes) {
      kit.selectors(selectClass(c));
    }
    return kit.execute().testEvents();
  }

  static Events run(Class<?>... classes) {
    return run(Map.of(), classes);
  }
}
