package io.buildstop.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.buildstop.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

  @ArchTest
  static final ArchRule theCommandStopsBuildsThroughThePortAndItsAdapters = noClasses()
      .that().resideInAPackage("io.buildstop.cli..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "software.amazon.awssdk.services..", "io.buildstop.domain.lifecycle.internal..",
          "io.buildstop.memory.internal..", "io.buildstop.aws.internal..", "io.buildstop.wire.internal..",
          "io.buildstop.server.internal..")
      .because("the command is one more user of buildstop's public API: BuildStopper, its backends' builders, "
          + "the wire codec and the server, never their internals or the CodeBuild SDK client itself");

  @ArchTest
  static final ArchRule onlyTheEntryPointEndsTheProcess = noClasses()
      .that().doNotHaveFullyQualifiedName(BuildstopCommand.class.getName())
      .should().callMethod(System.class, "exit", int.class)
      .because("commands return their exit code, so tests can run them in-process");

  @ArchTest
  static final ArchRule commandsPrintThroughPicocli = noClasses()
      .that().resideInAPackage("io.buildstop.cli..")
      .should().accessField(System.class, "out")
      .because("output goes to the command line's writer: UTF-8 whatever the locale, and captured by tests");

  @ArchTest
  static final ArchRule theInternalsDoNotReachBackToTheEntryPoint = classes()
      .that().resideInAPackage("io.buildstop.cli.internal..")
      .should().onlyDependOnClassesThat().resideOutsideOfPackage("io.buildstop.cli")
      .because("io.buildstop.cli holds the entry point only; the parts it assembles stand on their own");
}
