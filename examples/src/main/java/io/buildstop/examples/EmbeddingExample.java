package io.buildstop.examples;

import io.buildstop.api.BuildStopper;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;

/** The README's embedding example, compiled and run by the tests so the README cannot drift from the code. */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** Starts a build in the in-memory backend, stops it and says what happened. */
  public static String run() {
    // README:begin
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
    Build running = codeBuild.startBuild("my-demo-project").get();

    BuildStopper stopper = codeBuild; // in production: AwsBuildStopper.create()
    return stopper.stopBuild(running.id().orElseThrow()).fold(
        failure -> switch (failure.code()) {
          case INVALID_INPUT -> "not a build id: " + failure.message();
          case RESOURCE_NOT_FOUND -> "no such build: " + failure.message();
          case THROTTLED -> "throttled, retry later: " + failure.message();
          case ACCESS_DENIED -> "not allowed: " + failure.message();
          case LIMIT_EXCEEDED -> "an account limit was reached: " + failure.message();
          case PARAMETER_MISMATCH -> "a repeated StartBuild changed its parameters: " + failure.message();
          case UNAVAILABLE -> "CodeBuild unreachable, safe to retry: " + failure.message();
        },
        stopped -> stopped.id().orElseThrow() + " is " + stopped.buildStatusAsString().orElseThrow()
            + " in phase " + stopped.currentPhaseAsString().orElseThrow()
            + ", complete: " + stopped.buildComplete().orElseThrow());
    // README:end
  }

  /** Prints what {@link #run()} says. */
  public static void main(String[] args) {
    System.out.println(run());
  }
}
