package io.buildstop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The hexagon across modules (STYLE 1, 13): the domain at the centre, the port around it, backends and codecs as
 * adapters that know the centre and not each other. Checked over every {@code io.buildstop} class on this module's
 * test classpath; a module joins the check by being added to this module's dependencies. The server, the command
 * line and the JUnit 5 extension are composition roots: they assemble adapters, so the onion's "adapters do not know each other" does not
 * bind them; their own rules say what they may use. The benchmarks are one too, and use only what a user can: no
 * module's {@code internal} package.
 */
@AnalyzeClasses(packages = "io.buildstop", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeredArchitectureTest {

  @ArchTest
  static final ArchRule theDomainDependsOnNothingButTheJdkVavrAndImmutables = classes()
      .that().resideInAPackage("io.buildstop.domain..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("io.buildstop.domain..", "java..", "io.vavr..", "org.immutables..")
      .because("the model and its rules are the centre every adapter shares, and must run wherever Java runs");

  @ArchTest
  static final ArchRule thePortDependsOnNoBackend = noClasses()
      .that().resideInAPackage("io.buildstop.api..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.buildstop.memory..", "io.buildstop.aws..", "io.buildstop.wire..", "io.buildstop.server..")
      .because("applications program against the port and choose a backend only where they assemble themselves");

  @ArchTest
  static final ArchRule theWorkflowsSeeOnlyThePorts = noClasses()
      .that().resideInAPackage("io.buildstop.workflows..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.buildstop.memory..", "io.buildstop.aws..", "io.buildstop.wire..", "io.buildstop.server..")
      .because("a workflow is a plain function over BuildStopper and BuildReader, the same over every backend");

  @ArchTest
  static final ArchRule theTestkitDependsOnNoBackend = noClasses()
      .that().resideInAPackage("io.buildstop.testkit..")
      .and().resideOutsideOfPackage("io.buildstop.testkit.memory..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.buildstop.memory..", "io.buildstop.aws..", "io.buildstop.wire..", "io.buildstop.server..")
      .because("the contract judges every backend alike, so it may favour none");

  @ArchTest
  static final ArchRule theTestkitsInMemoryFixtureKnowsOnlyTheInMemoryBackend = noClasses()
      .that().resideInAPackage("io.buildstop.testkit.memory..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.buildstop.aws..", "io.buildstop.wire..", "io.buildstop.server..")
      .because("the fixture adapts one backend, the in-memory one, to the contract; the contract never sees it");

  @ArchTest
  static final ArchRule theServerComposesTheMemoryBackendAndTheWireCodecButNotTheAwsBackend = noClasses()
      .that().resideInAPackage("io.buildstop.server..")
      .should().dependOnClassesThat().resideInAnyPackage("io.buildstop.aws..", "io.buildstop.workflows..")
      .because("the local endpoint is CodeBuild itself for its clients: it serves the in-memory backend over the"
          + " wire codec and must never call out to AWS");

  @ArchTest
  static final ArchRule onlyTheCompositionRootsAssembleTheServer = noClasses()
      .that().resideOutsideOfPackages("io.buildstop.server..", "io.buildstop.cli..", "io.buildstop.benchmarks..",
          "io.buildstop.junit5..")
      .should().dependOnClassesThat().resideInAPackage("io.buildstop.server..")
      .because("the server is an entry point, assembled by the buildstop command and the JUnit 5 extension (and"
          + " measured by the benchmarks), never a dependency of the library's modules");

  @ArchTest
  static final ArchRule theJunit5ExtensionDoesNotDependOnTheAwsBackendOrTheWorkflows = noClasses()
      .that().resideInAPackage("io.buildstop.junit5..")
      .should().dependOnClassesThat().resideInAnyPackage("io.buildstop.aws..", "io.buildstop.workflows..")
      .because("the extension stands a fake CodeBuild up for the code under test; that code, not the extension,"
          + " chooses how to call it");

  @ArchTest
  static final ArchRule theMemoryBackendDoesNotDependOnTheAwsBackend = noClasses()
      .that().resideInAPackage("io.buildstop.memory..")
      .should().dependOnClassesThat().resideInAPackage("io.buildstop.aws..")
      .because("backends are interchangeable behind the port, so none may need another");

  @ArchTest
  static final ArchRule theAwsBackendDoesNotDependOnTheMemoryBackend = noClasses()
      .that().resideInAPackage("io.buildstop.aws..")
      .should().dependOnClassesThat().resideInAPackage("io.buildstop.memory..")
      .allowEmptyShould(true)
      .because("backends are interchangeable behind the port, so none may need another");

  @ArchTest
  static final ArchRule onlyTheAwsBackendDependsOnTheAwsSdk = noClasses()
      .that().resideOutsideOfPackages("io.buildstop.aws..", "io.buildstop.benchmarks..",
          "io.buildstop.junit5.internal..")
      .should().dependOnClassesThat().resideInAPackage("software.amazon..")
      .because("the SDK's types and nulls are mapped once, in backend-aws (STYLE 3); the benchmarks measure that"
          + " mapping and the SDK's own clients, through backend-aws's public API; the JUnit 5 extension builds"
          + " the SDK's clients for its users, in one internal class, and maps nothing");

  @ArchTest
  static final ArchRule internalPackagesAreUsedOnlyInsideTheirOwnModule = classes()
      .that().resideInAPackage("io.buildstop.*.internal..")
      .should(beUsedOnlyFromTheirOwnModule())
      .because("what lives in internal may change in any release (STYLE 1)");

  @ArchTest
  static final ArchRule theModulesFormAnOnionWithTheDomainAtItsCentre = onionArchitecture()
      .domainModels("io.buildstop.domain..")
      .applicationServices("io.buildstop.api..", "io.buildstop.workflows..")
      .adapter("memory", "io.buildstop.memory..")
      .adapter("aws", "io.buildstop.aws..")
      .adapter("wire", "io.buildstop.wire..")
      .withOptionalLayers(true)
      // the composition roots and the contract use the centre too, outside the onion: their own rules bind them
      .ignoreDependency(
          resideInAnyPackage(
              "io.buildstop.server..", "io.buildstop.cli..", "io.buildstop.testkit..", "io.buildstop.benchmarks..",
              "io.buildstop.junit5.."),
          alwaysTrue())
      .because("dependencies point inwards: adapters know the port and the domain, the domain knows none of them");

  private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnModule() {
    return new ArchCondition<>("be used only from their own module") {
      @Override
      public void check(JavaClass internal, ConditionEvents events) {
        String module = moduleOf(internal);
        for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
          // the engine comparison runs the server's own dispatcher under other HTTP engines (BENCHMARKS.md)
          boolean engineCandidate = module.equals("io.buildstop.server")
              && dependency.getOriginClass().getPackageName().startsWith("io.buildstop.benchmarks.engines");
          if (!moduleOf(dependency.getOriginClass()).equals(module) && !engineCandidate) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  // io.buildstop.<module>.anything -> io.buildstop.<module>
  private static String moduleOf(JavaClass javaClass) {
    String[] parts = javaClass.getPackageName().split("\\.", 4);
    return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : javaClass.getPackageName();
  }
}
