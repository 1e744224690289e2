package io.buildstop.junit5.samples;

import io.buildstop.junit5.CodeBuildRuntime;
import io.buildstop.junit5.CodeBuildTest;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.Test;

/** One of two classes that must run at the same time, each with its own CodeBuild. */
@CodeBuildTest
public class ParallelSampleA {
  @Test
  void meetsTheOtherClass(CodeBuildRuntime runtime, InMemoryCodeBuild codeBuild) throws Exception {
    ParallelRendezvous.meet("A", runtime, codeBuild);
  }
}
