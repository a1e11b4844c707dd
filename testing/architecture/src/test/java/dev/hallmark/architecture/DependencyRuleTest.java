package dev.hallmark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of docs/architecture.md, checked on the compiled main classes. */
class DependencyRuleTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // Main classes of every Hallmark module, from the reactor's target/classes or the module jars.
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hallmark");
  }

  @Test
  void seesEveryModule() {
    for (String pkg :
        new String[] {
          "dev.hallmark.core.crypto",
          "dev.hallmark.core.merkle",
          "dev.hallmark.core.note",
          "dev.hallmark.core.json",
          "dev.hallmark.core.bundle",
          "dev.hallmark.core.verify",
          "dev.hallmark.core.ct",
          "dev.hallmark.core.tuf",
          "dev.hallmark.core.findings",
          "dev.hallmark.core.sbom",
          "dev.hallmark.core.advisory",
          "dev.hallmark.tlog",
          "dev.hallmark.ctlog",
          "dev.hallmark.ca.identity",
          "dev.hallmark.ca.issuance",
          "dev.hallmark.tsa",
          "dev.hallmark.trust",
          "dev.hallmark.analyzer",
          "dev.hallmark.importer",
          "dev.hallmark.server",
          "dev.hallmark.cli"
        }) {
      if (classes.stream().noneMatch(c -> c.getPackageName().equals(pkg))) {
        throw new AssertionError("no classes imported from " + pkg);
      }
    }
  }

  @Test
  void coreDependsOnlyOnJdkBouncyCastleJacksonAndCore() {
    classes()
        .that()
        .resideInAPackage("dev.hallmark.core..")
        .and()
        .resideOutsideOfPackage("dev.hallmark.core.sbom.internal..")
        .and()
        .resideOutsideOfPackage("dev.hallmark.core.findings.internal..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.security..",
            "javax.crypto..",
            "org.bouncycastle..",
            "com.fasterxml.jackson..",
            "dev.hallmark.core..")
        .because("core is pure libraries: JDK, BouncyCastle and a JSON library only")
        .check(classes);
  }

  @Test
  void findingsAddOnlyTheCvssCalculator() {
    classes()
        .that()
        .resideInAPackage("dev.hallmark.core.findings.internal..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "com.fasterxml.jackson..", "dev.hallmark.core..", "us.springett.cvss..")
        .because("ADR 0015: CVSS base scores computed from vectors by cvss-calculator")
        .check(classes);
  }

  @Test
  void sbomParsersAddOnlyStaxAndDecompressors() {
    classes()
        .that()
        .resideInAPackage("dev.hallmark.core.sbom.internal..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.xml.stream..",
            "com.fasterxml.jackson..",
            "dev.hallmark.core..",
            "org.apache.commons.compress.compressors.bzip2..",
            "org.tukaani.xz..",
            "io.airlift.compress.zstd..")
        .because("ADR 0006: CycloneDX XML via the JDK's StAX; bzip2, xz and zstd decompressors")
        .check(classes);
  }

  @Test
  void servicesDoNotDependOnAppsOrOtherServices() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.hallmark.tlog..",
            "dev.hallmark.ctlog..",
            "dev.hallmark.ca..",
            "dev.hallmark.tsa..",
            "dev.hallmark.importer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hallmark.server..", "dev.hallmark.cli..", "com.linecorp..")
        .because("a service depends on core; only apps depend on everything")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.hallmark.ca..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hallmark.tlog..", "dev.hallmark.ctlog..")
        .because("the CA reaches the CT log through its SctSource interface, wired by the app")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.hallmark.tsa..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.hallmark.tlog..", "dev.hallmark.ctlog..", "dev.hallmark.ca..")
        .because("the TSA is handed its key (file or PKCS#11) by the app")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.hallmark.trust..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hallmark.tlog..",
            "dev.hallmark.ctlog..",
            "dev.hallmark.ca..",
            "dev.hallmark.tsa..")
        .because("the trust service publishes documents the app assembles from the others")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.hallmark.analyzer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hallmark.tlog..",
            "dev.hallmark.ctlog..",
            "dev.hallmark.ca..",
            "dev.hallmark.tsa..",
            "dev.hallmark.trust..")
        .because("the analyzer stores documents; it needs none of the signing services")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.hallmark.importer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.hallmark.analyzer..",
            "dev.hallmark.core..",
            "dev.hallmark.tlog..",
            "dev.hallmark.ctlog..",
            "dev.hallmark.ca..",
            "dev.hallmark.tsa..",
            "dev.hallmark.trust..")
        .because("importers hand documents to a DocumentSink that the app wires to the analyzer")
        .check(classes);
  }

  @Test
  void onlyAppsUseTheHttpServerAndEmbeddedDatabase() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.hallmark.server..", "dev.hallmark.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.linecorp.armeria..", "io.zonky..", "org.flywaydb..", "com.zaxxer..")
        .check(classes);
  }

  @Test
  void internalPackagesStayInsideTheirModule() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.merkle..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.merkle.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.crypto..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.crypto.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.tsa..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.tsa.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.analyzer..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.analyzer.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.importer..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.importer.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.sbom..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.sbom.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.advisory..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.advisory.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.note..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.note.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.tlog..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.tlog.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.bundle..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.bundle.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.verify..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.verify.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.ct..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.ct.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.tuf..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.tuf.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.findings..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.findings.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.hallmark.core.match..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.hallmark.core.match.internal..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.hallmark.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void noUtilCommonOrManagerPackages() {
    noClasses()
        .should()
        .resideInAnyPackage("..util..", "..common..", "..manager..", "..utils..")
        .because("package by feature, never by layer")
        .check(classes);
  }
}
