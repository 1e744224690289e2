package io.buildstop.wire;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.buildstop.wire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule theCodecNeedsOnlyTheDomainJacksonAndVavr = classes()
      .that().resideInAPackage("io.buildstop.wire..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "io.vavr..", "com.fasterxml.jackson..", "io.buildstop.domain..",
          "io.buildstop.wire..")
      .because("the wire is a codec between the model and JSON, with nothing of a transport or an SDK in it");

  @ArchTest
  static final ArchRule noPublicSignatureShowsTheInternals = methods()
      .that().arePublic()
      .and().areDeclaredInClassesThat().resideInAPackage("io.buildstop.wire")
      .should().haveRawReturnType(resideInAPackage("..internal..").negate())
      .andShould().haveRawParameterTypes(
          DescribedPredicate.anyElementThat(resideInAPackage("..internal..")).negate())
      .because("users must not touch io.buildstop.wire.internal, so no API hands them one of its types");
}
