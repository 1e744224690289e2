package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.memory.InMemoryCodeBuild;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsResponse;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.InvalidInputException;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * The real AWS SDK for Java v2 {@link CodeBuildClient} against the server: it parses every answer (what it cannot
 * do against moto, spec §5) and sees CodeBuild's errors as its modelled exceptions.
 */
class AwsSdkAgainstServerTest {
  private static CodeBuildServer server;
  private static CodeBuildClient codeBuild;

  @BeforeAll
  static void startTheServer() {
    server = CodeBuildServer.start(InMemoryCodeBuild.create());
    codeBuild = SdkClients.client(server.endpoint());
  }

  @AfterAll
  static void stopTheServer() {
    codeBuild.close();
    server.close();
  }

  private static String createdProject() {
    String name = Projects.freshName();
    codeBuild.createProject(project -> project
        .name(name)
        .source(source -> source.type(SourceType.NO_SOURCE).buildspec("version: 0.2"))
        .artifacts(artifacts -> artifacts.type(ArtifactsType.NO_ARTIFACTS))
        .environment(environment -> environment
            .type(EnvironmentType.LINUX_CONTAINER)
            .image("aws/codebuild/standard:7.0")
            .computeType(ComputeType.BUILD_GENERAL1_SMALL)
            .environmentVariables(EnvironmentVariable.builder().name("STAGE").value("test").build()))
        .serviceRole("arn:aws:iam::123456789012:role/my-role"));
    return name;
  }

  @Test
  void createProjectAnswersAProjectTheSdkReadsWithCodeBuildsDefaults() {
    String name = Projects.freshName();

    Project project = codeBuild.createProject(request -> request
        .name(name)
        .source(source -> source.type(SourceType.S3).location("my-bucket/source.zip"))
        .artifacts(artifacts -> artifacts.type(ArtifactsType.S3).location("my-output-bucket"))
        .environment(environment -> environment
            .type(EnvironmentType.LINUX_CONTAINER)
            .image("aws/codebuild/standard:7.0")
            .computeType(ComputeType.BUILD_GENERAL1_SMALL))
        .serviceRole("arn:aws:iam::123456789012:role/my-role")).project();

    assertThat(project.arn()).isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/" + name);
    assertThat(project.timeoutInMinutes()).isEqualTo(60);
    assertThat(project.queuedTimeoutInMinutes()).isEqualTo(480);
    assertThat(project.encryptionKey()).isEqualTo("arn:aws:kms:us-east-1:123456789012:alias/aws/s3");
    assertThat(project.badge().badgeEnabled()).isFalse();
    assertThat(project.projectVisibilityAsString()).isEqualTo("PRIVATE");
    assertThat(project.cache().typeAsString()).isEqualTo("NO_CACHE");
    assertThat(project.logsConfig().cloudWatchLogs().status()).isEqualTo(LogsConfigStatusType.ENABLED);
    assertThat(project.logsConfig().s3Logs().status()).isEqualTo(LogsConfigStatusType.DISABLED);
    assertThat(project.created()).isNotNull().isEqualTo(project.lastModified());
    assertThat(project.artifacts().name()).isEqualTo(name);
  }

  @Test
  void aSecondProjectOfTheSameNameIsTheSdksResourceAlreadyExistsException() {
    String name = createdProject();

    assertThatThrownBy(() -> codeBuild.createProject(request -> request.name(name)
        .source(source -> source.type(SourceType.NO_SOURCE))
        .artifacts(artifacts -> artifacts.type(ArtifactsType.NO_ARTIFACTS))
        .environment(environment -> environment.type(EnvironmentType.LINUX_CONTAINER).image("i")
            .computeType(ComputeType.BUILD_GENERAL1_SMALL))
        .serviceRole("role")))
        .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, exception -> assertThat(
            exception.awsErrorDetails().errorMessage()).endsWith(":project/" + name));
  }

  @Test
  void batchGetProjectsFindsWhatCreateProjectMade() {
    String name = createdProject();

    var answer = codeBuild.batchGetProjects(request -> request.names(name, "nope-" + name));

    assertThat(answer.projects()).extracting(Project::name).containsExactly(name);
    assertThat(answer.projectsNotFound()).containsExactly("nope-" + name);
  }

  @Test
  void startBuildAnswersARunningBuildTheSdkReads() {
    String project = createdProject();

    Build build = codeBuild.startBuild(request -> request.projectName(project).sourceVersion("main")).build();

    assertThat(build.id()).startsWith(project + ":");
    assertThat(build.buildNumber()).isEqualTo(1L);
    assertThat(build.buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
    assertThat(build.currentPhase()).isEqualTo("QUEUED");
    assertThat(build.buildComplete()).isFalse();
    assertThat(build.startTime()).isNotNull();
    assertThat(build.phases()).extracting(phase -> phase.phaseType())
        .containsExactly(BuildPhaseType.SUBMITTED, BuildPhaseType.QUEUED);
    assertThat(build.sourceVersion()).isEqualTo("main");
    assertThat(build.environment().environmentVariables()).extracting(EnvironmentVariable::value)
        .containsExactly("test");
    assertThat(build.logs().groupName()).isEqualTo("/aws/codebuild/" + project);
    assertThat(build.initiator()).isEqualTo("buildstop");
  }

  @Test
  void startBuildOfAnUnknownProjectIsTheSdksResourceNotFoundException() {
    assertThatThrownBy(() -> codeBuild.startBuild(request -> request.projectName("no-such-project")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, exception -> assertThat(exception.statusCode())
            .isEqualTo(400));
  }

  @Test
  void aStoppedBuildReadBackIsStoppedCompletedAndComplete() {
    String project = createdProject();
    Build started = codeBuild.startBuild(request -> request.projectName(project)).build();
    String unknown = project + ":" + "00000000-0000-0000-0000-000000000000";

    Build stopped = codeBuild.stopBuild(request -> request.id(started.id())).build();
    BatchGetBuildsResponse readBack = codeBuild.batchGetBuilds(request -> request.ids(started.id(), unknown));

    assertThat(stopped.buildStatus()).isEqualTo(StatusType.STOPPED);
    assertThat(readBack.builds()).hasSize(1).first().satisfies(build -> {
      assertThat(build.buildStatus()).isEqualTo(StatusType.STOPPED);
      assertThat(build.currentPhase()).isEqualTo("COMPLETED");
      assertThat(build.buildComplete()).isTrue();
      assertThat(build.endTime()).isNotNull();
      assertThat(build.phases().get(build.phases().size() - 2).phaseStatus()).isEqualTo(StatusType.STOPPED);
      assertThat(build).isEqualTo(stopped);
    });
    assertThat(readBack.buildsNotFound()).containsExactly(unknown);
  }

  @Test
  void listBuildsForProjectListsItsBuildsNewestFirst() {
    String project = createdProject();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(codeBuild.startBuild(request -> request.projectName(project)).build().id());
    }

    List<String> newestFirst = codeBuild.listBuildsForProject(request -> request.projectName(project)).ids();
    List<String> oldestFirst = codeBuild.listBuildsForProject(request -> request.projectName(project)
        .sortOrder(SortOrderType.ASCENDING)).ids();

    assertThat(newestFirst).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    assertThat(oldestFirst).containsExactlyElementsOf(ids);
    assertThatThrownBy(() -> codeBuild.listBuildsForProject(request -> request.projectName("no-such-project")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void theSdksPaginatorWalksEveryPageOfListBuilds() {
    for (int i = 0; i < 130; i++) {
      server.backend().startBuild("paged-project");
    }

    List<String> ids = new ArrayList<>();
    codeBuild.listBuildsPaginator(request -> request.sortOrder(SortOrderType.ASCENDING)).ids().forEach(ids::add);

    assertThat(ids).doesNotHaveDuplicates().hasSize(server.backend().builds().size());
  }

  @Test
  void stopErrorsAreTheSdksModelledExceptions() {
    assertThatThrownBy(() -> codeBuild.stopBuild(request -> request.id("no-colon")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> codeBuild.stopBuild(request -> request.id("no-such-project:1234")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, exception -> assertThat(
            exception.awsErrorDetails().errorMessage()).isEqualTo("Build no-such-project:1234 not found"));
  }

  @Test
  void theSdkRetriesAnInternalFailureAndSeesThrottlingAsThrottling() {
    String id = server.backend().startBuild(Projects.freshName()).get().id().orElseThrow();
    try {
      server.backend().failNextCalls(1, new StopFailure.Unavailable("injected", Optional.empty()));
      Build stopped = codeBuild.stopBuild(request -> request.id(id)).build();
      assertThat(stopped.buildStatus()).isEqualTo(StatusType.STOPPED);

      server.backend().failNextCalls(3, new StopFailure.Throttled("Rate exceeded"));
      assertThatThrownBy(() -> codeBuild.stopBuild(request -> request.id(id)))
          .isInstanceOfSatisfying(CodeBuildException.class, exception -> {
            assertThat(exception.isThrottlingException()).isTrue();
            assertThat(exception.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
          });
    } finally {
      server.backend().failNextCalls(0, new StopFailure.Throttled("disarmed"));
    }
    assertThat(server.backend().stopCalls()).filteredOn(call -> call.requestedId().equals(id)).hasSize(5);
    assertThat(server.backend().build(BuildId.parse(id).get()).orElseThrow().buildStatusAsString()).contains("STOPPED");
  }
}
