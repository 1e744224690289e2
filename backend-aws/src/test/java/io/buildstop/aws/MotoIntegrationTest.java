package io.buildstop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.aws.internal.SdkFailures;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.CreateProjectResponse;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.InvalidInputException;
import software.amazon.awssdk.services.codebuild.model.SourceType;

/**
 * The real SDK against {@code moto_server} over HTTP. Spec §5: the Java SDK cannot read moto's build responses
 * (ISO timestamps where the protocol has epoch numbers), so what is tested here is what works over it — creating a
 * project, listing builds, the not-found and invalid-id paths — and that a stop whose answer cannot be read comes
 * back as a typed failure carrying that cause, never as an exception.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
@ExtendWith(MotoServerExtension.class)
class MotoIntegrationTest {
  private final AtomicInteger attempts = new AtomicInteger();
  private CodeBuildClient client;
  private AwsBuildStopper stopper;

  @BeforeEach
  void connect(MotoServerExtension.Moto moto) {
    // moto picks the service from the SigV4 Authorization header, so the requests are signed, as x/x in us-east-1
    client = CodeBuildClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(configuration -> configuration
            .retryStrategy(RetryMode.STANDARD)
            .addExecutionInterceptor(new ExecutionInterceptor() {
              @Override
              public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
              }
            }))
        .build();
    stopper = AwsBuildStopper.builder().codeBuildClient(client).build();
  }

  @AfterEach
  void disconnect() {
    stopper.close();
    client.close();
  }

  @Test
  void aProjectCreatedThroughTheSdkIsListed() {
    String name = newProjectName();

    CreateProjectResponse created = createProject(name);

    assertThat(created.project().name()).isEqualTo(name);
    assertThat(created.project().arn()).isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/" + name);
    assertThat(client.listProjects().projects()).contains(name);
  }

  @Test
  void listingBuildsWorksAndShowsABuildStartedInMoto() {
    String name = newProjectName();
    createProject(name);

    String id = startBuildTheSdkCannotRead(name);

    assertThat(id).startsWith(name + ":");
    assertThat(client.listBuilds().ids()).contains(id);
  }

  @Test
  void stoppingABuildMotoDoesNotKnowIsResourceNotFound() {
    String id = newProjectName() + ":" + UUID.randomUUID();

    StopFailure.ResourceNotFound failure = Results.left(stopper.stopBuild(id), StopFailure.ResourceNotFound.class);

    assertThat(failure.buildId()).contains(BuildId.parse(id).get());
    assertThat(failure.message()).isEqualTo("Build " + id + " not found");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anIdThatCannotBeValidIsInvalidInputWithoutAnyRequest() {
    Results.left(stopper.stopBuild("no-separator"), StopFailure.InvalidInput.class);
    Results.left(stopper.stopBuild("bad project:1"), StopFailure.InvalidInput.class);

    assertThat(attempts).hasValue(0);
  }

  @Test
  void anIdMotoRejectsMapsToInvalidInputWithMotosMessage() {
    // the adapter never sends such an id; the raw SDK does, and SdkFailures reads moto's InvalidInputException
    InvalidInputException rejected = catchInvalidInput(() -> client.stopBuild(request -> request.id("no-separator")));

    StopFailure failure = SdkFailures.of(BuildId.parse("my-demo-project:1").get(), rejected);

    assertThat(failure).isEqualTo(new StopFailure.InvalidInput("Invalid build ID provided", Optional.empty()));
  }

  @Test
  void stoppingABuildMotoStartedIsUnavailableBecauseTheSdkCannotReadMotosAnswerAndNothingThrows() {
    String name = newProjectName();
    createProject(name);
    String id = startBuildTheSdkCannotRead(name);
    attempts.set(0);

    StopFailure.Unavailable failure = Results.left(stopper.stopBuild(id), StopFailure.Unavailable.class);

    assertThat(failure.cause()).get().isInstanceOf(SdkClientException.class);
    assertThat(failure.cause().orElseThrow().getMessage())
        .contains("Unable to unmarshall response")
        .contains("Input timestamp string must be no longer than 20 characters");
    assertThat(attempts).as("an unreadable answer is not retried").hasValue(1);
  }

  // StartBuild happens on the server, but its answer (ISO timestamps) fails in the client: the id comes from
  // ListBuildsForProject, whose answer holds no timestamp.
  private String startBuildTheSdkCannotRead(String project) {
    assertThatThrownBy(() -> client.startBuild(request -> request.projectName(project)))
        .isInstanceOf(SdkClientException.class)
        .hasMessageContaining("Unable to unmarshall response");
    List<String> ids = client.listBuildsForProject(request -> request.projectName(project)).ids();
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  private CreateProjectResponse createProject(String name) {
    return client.createProject(request -> request
        .name(name)
        .source(source -> source.type(SourceType.S3).location("buildstop-test-bucket/source.zip"))
        .artifacts(artifacts -> artifacts.type(ArtifactsType.NO_ARTIFACTS))
        .environment(environment -> environment
            .type(EnvironmentType.LINUX_CONTAINER)
            .image("aws/codebuild/standard:7.0")
            .computeType(ComputeType.BUILD_GENERAL1_SMALL))
        .serviceRole("arn:aws:iam::123456789012:role/buildstop-test"));
  }

  private static String newProjectName() {
    return "buildstop-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static InvalidInputException catchInvalidInput(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException expected) {
      return expected;
    }
    throw new AssertionError("moto accepted an id without a separator");
  }
}
