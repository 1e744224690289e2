package io.buildstop.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server's boundaries (STYLE 13), over its main code. */
@AnalyzeClasses(packages = "io.buildstop.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

  @ArchTest
  static final ArchRule theServerDependsOnNoAwsSdkAndNoAwsBackend = noClasses()
      .that().resideInAPackage("io.buildstop.server..")
      .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.buildstop.aws..")
      .because("the server stands in for AWS: the AWS SDK is a client of it, in tests, never a part of it");

  @ArchTest
  static final ArchRule theServerNeedsOnlyTheJdkJacksonVavrAndBuildstopsPublicModules = classes()
      .that().resideInAPackage("io.buildstop.server..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(
          "java..", "javax.crypto..", "io.netty..", "com.fasterxml.jackson..", "io.vavr..",
          "io.buildstop.domain..", "io.buildstop.api..", "io.buildstop.memory", "io.buildstop.wire",
          "io.buildstop.server..")
      .because("no web framework: Netty for HTTP, Jackson, and the other modules' public APIs only");

  @ArchTest
  static final ArchRule theServersInternalsAreUsedOnlyByTheServer = classes()
      .that().resideInAPackage("io.buildstop.server.internal..")
      .should().onlyHaveDependentClassesThat().resideInAPackage("io.buildstop.server..")
      .because("what lives in internal may change in any release (STYLE 1)");

  @ArchTest
  static final ArchRule noPublicSignatureOfTheServerShowsItsInternals = methods()
      .that().arePublic()
      .and().areDeclaredInClassesThat().resideInAPackage("io.buildstop.server")
      .should().haveRawReturnType(resideInAPackage("..internal..").negate())
      .andShould().haveRawParameterTypes(DescribedPredicate.anyElementThat(resideInAPackage("..internal..")).negate())
      .because("users reach the server through CodeBuildServer and its Builder only");
}
