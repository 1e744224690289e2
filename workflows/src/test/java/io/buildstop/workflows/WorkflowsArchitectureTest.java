package io.buildstop.workflows;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.buildstop.workflows", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkflowsArchitectureTest {

  @ArchTest
  static final ArchRule theWorkflowsNeedOnlyThePortsTheDomainAndVavr = classes()
      .that().resideInAPackage("io.buildstop.workflows..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "io.vavr..", "org.immutables..", "io.buildstop.domain..", "io.buildstop.api..",
          "io.buildstop.workflows..")
      .because("the workflows are plain functions over the ports, whatever backend stands behind them");

  @ArchTest
  static final ArchRule noWorkflowReadsTheSystemClockOrSleepsByItself = noClasses()
      .that().resideInAPackage("io.buildstop.workflows..")
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(System.class, "nanoTime")
      .orShould().callMethod(Thread.class, "sleep", long.class)
      .because("time comes from the injected Clock and waiting from the injected Sleeper, so tests take no time");

  @ArchTest
  static final ArchRule noPublicSignatureShowsTheInternals = methods()
      .that().arePublic()
      .and().areDeclaredInClassesThat().resideInAPackage("io.buildstop.workflows")
      .should().haveRawReturnType(resideInAPackage("..internal..").negate())
      .andShould().haveRawParameterTypes(
          DescribedPredicate.anyElementThat(resideInAPackage("..internal..")).negate())
      .because("users must not touch io.buildstop.workflows.internal, so no API hands them one of its types");
}
