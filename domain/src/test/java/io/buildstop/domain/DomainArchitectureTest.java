package io.buildstop.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain's boundary, by allow-list (STYLE.md item 13). */
@AnalyzeClasses(packages = "io.buildstop.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

  @ArchTest
  static final ArchRule the_domain_depends_only_on_the_jdk_vavr_and_immutables = classes()
      .that().resideInAPackage("io.buildstop.domain..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "io.vavr..", "org.immutables..", "io.buildstop.domain..")
      .as("the domain depends only on java.., io.vavr.., org.immutables.. and itself")
      .because("the model and the stop rules are pure (spec §4, STYLE.md items 6, 8 and 13): adapters, clients and "
          + "frameworks live in the other modules");

  @ArchTest
  static final ArchRule the_model_knows_nothing_but_itself = classes()
      .that().resideInAPackage("io.buildstop.domain.model..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "org.immutables..", "io.buildstop.domain.model..")
      .as("the generated model depends only on java.., org.immutables.. and itself")
      .because("it is CodeBuild's shapes and nothing more, generated from the AWS SDK's model (codegen/README.md):"
          + " the rules, BuildId and StopFailure build on it, never the other way round");

  @ArchTest
  static final ArchRule the_lifecycle_reads_no_clock = noClasses()
      .that().resideInAPackage("io.buildstop.domain..")
      .should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .orShould().callMethod(java.time.Clock.class, "systemUTC")
      .as("the domain reads no clock")
      .because("rules are pure functions of (build, instant); backends take a java.time.Clock (STYLE.md item 8)");

  @ArchTest
  static final ArchRule the_generated_implementations_stay_hidden = noClasses()
      .that().resideInAPackage("io.buildstop.domain..")
      .and().resideOutsideOfPackage("io.buildstop.domain.model..")
      // the events (io.buildstop.domain.events) are Immutables value types written in the model's style: their
      // generated Immutable* and With* classes, and each nested Builder extending the generated one, are that style
      .and().haveNameNotMatching(".*\\.(Immutable|With)[^.$]*(\\$.*)?")
      .and().doNotHaveSimpleName("Builder")
      .should().dependOnClassesThat(JavaClass.Predicates.simpleNameStartingWith("Immutable")
          .and(JavaClass.Predicates.resideInAPackage("io.buildstop..")))
      .as("nothing outside the model names a generated Immutable* class")
      .because("ImmutableBuild never appears in user code or a signature (STYLE.md item 2)");
}
