package io.buildstop.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The events' value types: open enums, the typed setters, the {@code has*} flags, the envelope's defaults. */
@DisplayName("the events' value types")
class EventValueTypesTest {

  @Nested
  @DisplayName("open enums keep what this version does not know")
  class OpenEnums {
    @Test
    void aKnownValueReadsTypedAndAnUnknownOneAsUnknownWithItsRawText() {
      assertThat(EventPhase.builder().phaseType(BuildPhaseType.BUILD).phaseStatus(StatusType.FAILED).build())
          .satisfies(phase -> {
            assertThat(phase.phaseType()).contains(BuildPhaseType.BUILD);
            assertThat(phase.phaseStatus()).contains(StatusType.FAILED);
          });
      EventPhase unknown = EventPhase.builder().phaseTypeAsString("WARMING").phaseStatusAsString("CLIENT_ERROR").build();
      assertThat(unknown.phaseType()).contains(BuildPhaseType.UNKNOWN_TO_SDK_VERSION);
      assertThat(unknown.phaseStatus()).contains(StatusType.UNKNOWN_TO_SDK_VERSION);
      assertThat(unknown.phaseStatusAsString()).contains("CLIENT_ERROR");
    }

    @Test
    void theEnvironmentSourceAndVariableTypesReadTyped() {
      EventEnvironment environment = EventEnvironment.builder()
          .computeType(ComputeType.BUILD_GENERAL1_LARGE).type(EnvironmentType.ARM_CONTAINER).build();
      assertThat(environment.computeType()).contains(ComputeType.BUILD_GENERAL1_LARGE);
      assertThat(environment.computeTypeAsString()).contains("BUILD_GENERAL1_LARGE");
      assertThat(environment.type()).contains(EnvironmentType.ARM_CONTAINER);
      assertThat(EventSource.builder().type(SourceType.GITHUB).build().type()).contains(SourceType.GITHUB);
      assertThat(EventSource.builder().typeAsString("SVN").build().type()).contains(SourceType.UNKNOWN_TO_SDK_VERSION);
      assertThat(EventEnvironmentVariable.builder().type(EnvironmentVariableType.SECRETS_MANAGER).build().type())
          .contains(EnvironmentVariableType.SECRETS_MANAGER);
    }

    @Test
    void theDetailsStatusesAndPhasesReadTyped() {
      BuildStateChangeDetail state = BuildStateChangeDetail.builder()
          .buildStatus(StatusType.TIMED_OUT).currentPhase(BuildPhaseType.COMPLETED).build();
      assertThat(state.buildStatus()).contains(StatusType.TIMED_OUT);
      assertThat(state.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(state.withBuildStatus(StatusType.FAULT).buildStatusAsString()).contains("FAULT");
      BuildPhaseChangeDetail phase = BuildPhaseChangeDetail.builder()
          .completedPhase(BuildPhaseType.INSTALL).completedPhaseStatus(StatusType.STOPPED).build();
      assertThat(phase.completedPhase()).contains(BuildPhaseType.INSTALL);
      assertThat(phase.completedPhaseStatus()).contains(StatusType.STOPPED);
    }
  }

  @Nested
  @DisplayName("a list's [] differs from its absence")
  class Presence {
    @Test
    void anEmptyListIsAbsentUnlessItWasSent() {
      assertThat(EventPhase.builder().build().hasPhaseContext()).isFalse();
      assertThat(EventPhase.builder().hasPhaseContext(true).build().hasPhaseContext()).isTrue();
      assertThat(EventEnvironment.builder().build().hasEnvironmentVariables()).isFalse();
      assertThat(EventEnvironment.builder().hasEnvironmentVariables(true).build().hasEnvironmentVariables()).isTrue();
      assertThat(AdditionalInformation.builder().build().hasPhases()).isFalse();
      assertThat(AdditionalInformation.builder().hasPhases(true).build().hasPhases()).isTrue();
    }

    @Test
    void aListThatHoldsItemsWasSentWhateverTheFlagSays() {
      EventPhase phase = EventPhase.builder().hasPhaseContext(false).addPhaseContext(": ").build();
      assertThat(phase.hasPhaseContext()).isTrue();
      assertThat(EventPhase.builder().build().withPhaseContext(List.of(": ")).hasPhaseContext()).isTrue();
      EventEnvironment environment = EventEnvironment.builder().hasEnvironmentVariables(false)
          .addEnvironmentVariables(EventEnvironmentVariable.builder().name("STAGE").build()).build();
      assertThat(environment.hasEnvironmentVariables()).isTrue();
      AdditionalInformation information = AdditionalInformation.builder().hasPhases(false)
          .addPhases(EventPhase.builder().phaseType(BuildPhaseType.SUBMITTED).build()).build();
      assertThat(information.hasPhases()).isTrue();
    }
  }

  @Test
  void theEnvelopeDefaultsToWhatEventBridgeSendsForCodeBuild() {
    BuildPhaseChange phase = BuildPhaseChange.builder().id("1").account("123456789012").region("us-east-1")
        .time(Instant.EPOCH).detail(BuildPhaseChangeDetail.builder().build()).build();
    BuildStateChange state = BuildStateChange.builder().id("2").account("123456789012").region("us-east-1")
        .time(Instant.EPOCH).detail(BuildStateChangeDetail.builder().build()).build();

    assertThat(phase.detailType()).isEqualTo("CodeBuild Build Phase Change");
    assertThat(state.detailType()).isEqualTo("CodeBuild Build State Change");
    assertThat(List.of(phase.version(), state.version())).containsOnly("0");
    assertThat(List.of(phase.source(), state.source())).containsOnly("aws.codebuild");
    assertThat(phase.resources()).isEmpty();
  }
}
