package io.buildstop.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The adapter's boundaries (STYLE §13): allow-lists, nothing frozen. */
@AnalyzeClasses(packages = "io.buildstop", importOptions = ImportOption.DoNotIncludeTests.class)
class AwsArchitectureTest {

  @ArchTest
  static final ArchRule theAdapterDependsOnlyOnTheJdkVavrImmutablesTheDomainThePortAndTheSdk =
      classes().that().resideInAPackage("io.buildstop.aws..")
          .should().onlyDependOnClassesThat().resideInAnyPackage(
              "java..", "io.vavr..", "org.immutables..", "io.buildstop.domain..", "io.buildstop.api..",
              "io.buildstop.aws..", "software.amazon..")
          .because("backend-aws is the port over the AWS SDK and nothing else");

  @ArchTest
  static final ArchRule theAdaptersInternalsAreUsedOnlyByTheAdapter =
      noClasses().that().resideOutsideOfPackage("io.buildstop.aws..")
          .should().dependOnClassesThat().resideInAPackage("io.buildstop.aws.internal..")
          .because("the SDK mapping and failure classification are not API");

  @ArchTest
  static final ArchRule onlyTheAdapterSeesTheSdk =
      noClasses().that().resideOutsideOfPackage("io.buildstop.aws..")
          .should().dependOnClassesThat().resideInAPackage("software.amazon..")
          .because("the domain and the port know nothing of AWS SDK types (STYLE §13)");
}
