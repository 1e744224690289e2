package io.buildstop.junit5.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.junit5.CodeBuildTest;
import io.buildstop.junit5.SeedBuild;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** With the reset off, each test sees what the earlier ones left, and class seeds are made once. */
@CodeBuildTest(resetBeforeEach = false)
@SeedBuild(project = "seeded")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class KeepStateSample {

  @Test
  @Order(1)
  void leavesABuild(InMemoryCodeBuild codeBuild) {
    codeBuild.startBuild("kept");
    assertThat(codeBuild.builds()).hasSize(2);
  }

  @Test
  @Order(2)
  void findsIt(InMemoryCodeBuild codeBuild) {
    assertThat(codeBuild.builds()).hasSize(2);
  }
}
