package io.buildstop.junit5.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.junit5.CodeBuildExtension;
import io.buildstop.memory.InMemoryCodeBuild;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance field: each test has a CodeBuild of its own. */
public class InstanceFieldSample {
  /** The endpoints the tests saw. */
  public static final List<URI> ENDPOINTS = new CopyOnWriteArrayList<>();

  @RegisterExtension
  CodeBuildExtension codeBuild = CodeBuildExtension.newInstance().keepStateBetweenTests().build();

  @Test
  void first(InMemoryCodeBuild backend) {
    check(backend);
  }

  @Test
  void second(InMemoryCodeBuild backend) {
    check(backend);
  }

  private void check(InMemoryCodeBuild backend) {
    ENDPOINTS.add(codeBuild.endpoint());
    assertThat(codeBuild.backend()).isSameAs(backend);
    // even with state kept between tests, a CodeBuild of its own starts empty
    assertThat(backend.builds()).isEmpty();
    backend.startBuild("instance-field");
  }
}
