package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.ProjectEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Projects: CreateProject takes a name once, reads and listings give back what was created, reset forgets them. */
class InMemoryProjectsTest {
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();

  private static Project project(String name, String image) {
    return Project.builder().name(name).arn("arn:aws:codebuild:us-east-1:123456789012:project/" + name)
        .environment(ProjectEnvironment.builder().image(image).build()).build();
  }

  @Test
  void aCreatedProjectIsReadBackAsItWasCreated() {
    Project created = project("deploy", "aws/codebuild/standard:7.0");

    assertThat(codeBuild.createProject(created).get()).isEqualTo(created);
    assertThat(codeBuild.project("deploy")).contains(created);
    assertThat(codeBuild.project("other")).isEmpty();
  }

  @Test
  void aNameInUseIsResourceAlreadyExistsNamingTheExistingProjectAndTheFirstStays() {
    Project first = project("deploy", "aws/codebuild/standard:7.0");
    codeBuild.createProject(first);

    assertThat(codeBuild.createProject(project("deploy", "aws/codebuild/standard:5.0")).getLeft())
        .isEqualTo(new ResourceAlreadyExists(
            "Project already exists: arn:aws:codebuild:us-east-1:123456789012:project/deploy"));
    assertThat(codeBuild.project("deploy")).contains(first);
  }

  @Test
  void racingCreatesOfOneNameCreateItOnce() {
    List<CompletableFuture<Boolean>> creates = new ArrayList<>();
    IntStream.range(0, 16).forEach(i -> creates.add(CompletableFuture.supplyAsync(
        () -> codeBuild.createProject(project("raced", "image-" + i)).isRight())));

    assertThat(creates.stream().map(CompletableFuture::join).filter(created -> created)).hasSize(1);
  }

  @Test
  void projectsListsEveryProjectByNameAndResetForgetsThem() {
    codeBuild.createProject(project("web", "i"));
    codeBuild.createProject(project("api", "i"));

    assertThat(codeBuild.projects()).extracting(p -> p.name().orElseThrow()).containsExactly("api", "web");
    codeBuild.reset();
    assertThat(codeBuild.projects()).isEmpty();
    assertThat(codeBuild.project("api")).isEmpty();
  }

  @Test
  void pastMaxProjectsCreateProjectIsRefusedAndHoldsNothingMoreEvenWhenRaced() {
    InMemoryCodeBuild bounded = InMemoryCodeBuild.builder().maxProjects(3).build();
    List<CompletableFuture<Boolean>> creates = new ArrayList<>();
    IntStream.range(0, 16).forEach(i -> creates.add(CompletableFuture.supplyAsync(
        () -> bounded.createProject(project("p" + i, "i")).isRight())));

    assertThat(creates.stream().map(CompletableFuture::join).filter(created -> created)).hasSize(3);
    assertThat(bounded.projectCount()).isEqualTo(3);
    assertThat(bounded.createProject(project("one-more", "i")).getLeft()).isEqualTo(new ProjectLimitExceeded(
        "Cannot have more than 3 build projects: this endpoint's limit (maxProjects, serve --max-projects) is "
            + "reached"));
    assertThat(bounded.project("one-more")).isEmpty();
    bounded.reset();
    assertThat(bounded.createProject(project("after-reset", "i")).isRight()).isTrue();
  }
}
