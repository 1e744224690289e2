package io.buildstop.memory;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The in-memory backend's boundaries, by allow-list (STYLE 13). */
@AnalyzeClasses(packages = "io.buildstop", importOptions = ImportOption.DoNotIncludeTests.class)
class MemoryArchitectureTest {

  @ArchTest
  static final ArchRule theMemoryBackendDependsOnlyOnTheJdkVavrImmutablesTheDomainAndThePort = classes()
      .that().resideInAPackage("io.buildstop.memory..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "java..", "io.vavr..", "org.immutables..", "org.snakeyaml.engine..",
          "io.buildstop.domain..", "io.buildstop.api..", "io.buildstop.memory..")
      .because("an in-memory fake must run anywhere the domain runs, with nothing else on the classpath but the"
          + " YAML library that reads buildspecs");

  @ArchTest
  static final ArchRule onlyTheBuildspecReaderKnowsTheYamlLibrary = noClasses()
      .that().resideOutsideOfPackage("io.buildstop.memory.buildspec..")
      .should().dependOnClassesThat().resideInAPackage("org.snakeyaml..")
      .because("YAML is read in one place (docs/batch-buildspec.md); everything else sees the domain's BatchSpec");

  @ArchTest
  static final ArchRule theBuildspecReaderUsesOnlyThePackagesTheYamlLibraryExports = noClasses()
      .that().resideInAPackage("io.buildstop.memory.buildspec..")
      .should().dependOnClassesThat(resideInAPackage("org.snakeyaml..").and(resideOutsideOfPackages(
          "org.snakeyaml.engine.v2.api", "org.snakeyaml.engine.v2.composer", "org.snakeyaml.engine.v2.events",
          "org.snakeyaml.engine.v2.exceptions", "org.snakeyaml.engine.v2.nodes", "org.snakeyaml.engine.v2.parser",
          "org.snakeyaml.engine.v2.scanner", "org.snakeyaml.engine.v2.schema")))
      .because("snakeyaml-engine is a named module that does not export api.lowlevel: on the module path (and to"
          + " javadoc) only its exported packages can be used");

  @ArchTest
  static final ArchRule noPublicSignatureOfTheBuildspecReaderNamesTheYamlLibrary = noMethods()
      .that().arePublic()
      .and().areDeclaredInClassesThat().resideInAPackage("io.buildstop.memory.buildspec..")
      .should().haveRawReturnType(resideInAPackage("org.snakeyaml.."))
      .because("the reader takes text and answers with the domain's values, so the YAML library can change");

  @ArchTest
  static final ArchRule theMemoryBackendsInternalsAreUsedOnlyByTheMemoryBackend = classes()
      .that().resideInAPackage("io.buildstop.memory.internal..")
      .should().onlyHaveDependentClassesThat().resideInAPackage("io.buildstop.memory..")
      .because("what lives in internal may change in any release (STYLE 1)");

  @ArchTest
  static final ArchRule noPublicSignatureOfTheMemoryBackendReturnsAnInternalType = noMethods()
      .that().arePublic()
      .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.buildstop.memory.internal..")
      .and().areDeclaredInClassesThat().resideInAPackage("io.buildstop.memory..")
      .should().haveRawReturnType(resideInAPackage("io.buildstop.memory.internal.."))
      .because("users reach the backend through InMemoryCodeBuild and StopCall only");
}
