package io.buildstop.junit5;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.buildstop.junit5.samples.InProcessSample;
import io.buildstop.junit5.samples.StrictSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;

/** failOnUnexpectedCalls: a test fails for an operation or a stop it did not declare, and passes otherwise. */
class UnexpectedCallsTest {

  @Test
  void undeclaredStopsAndOperationsFailTheTestAndSayWhichCall() {
    Events events = Samples.run(StrictSample.class);

    events.assertStatistics(stats -> stats.started(5).succeeded(2).failed(3));
    events.assertThatEvents()
        .haveExactly(1, event(test("passesStoppingADeclaredBuild"), finishedSuccessfully()))
        .haveExactly(1, event(test("passesCallingNothingWithoutADeclaration"), finishedSuccessfully()))
        .haveExactly(1, event(test("failsStoppingAnUndeclaredBuild"), finishedWithFailure(
            instanceOf(AssertionError.class), message(text -> text.contains("stopped other:")))))
        .haveExactly(1, event(test("failsCallingAnUndeclaredOperation"), finishedWithFailure(
            message(text -> text.contains("called ListBuilds")))))
        .haveExactly(1, event(test("failsStoppingInProcessWithoutADeclaration"), finishedWithFailure(
            message(text -> text.contains("called StopBuild")))));
  }

  @Test
  void anSdkClientWithoutTheEndpointIsRefusedSayingWhy() {
    Samples.run(InProcessSample.class).assertThatEvents().haveExactly(1, event(test("asksForAClient"),
        finishedWithFailure(instanceOf(ParameterResolutionException.class),
            message(text -> text.contains("needs the endpoint")))));
  }
}
