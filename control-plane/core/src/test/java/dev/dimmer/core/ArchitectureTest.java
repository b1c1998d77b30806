package dev.dimmer.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Frameworks stay at the edge: the domain knows Axon's annotations and nothing of HTTP, JDBC or Slack. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dimmer");
    }

    @Test
    void shouldKeepTheDomainFreeOfFrameworks() {
        noClasses().that().resideInAPackage("dev.dimmer.core.migration..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "java.sql..", "javax.sql..",
                        "com.slack..", "org.quartz..", "dev.dimmer.core.web..", "dev.dimmer.core.axon..")
                .check(classes);
    }

    @Test
    void shouldKeepThePublishedLanguageFreeOfTheCore() {
        noClasses().that().resideInAPackage("dev.dimmer.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dimmer.core..", "io.micronaut..",
                        "java.sql..", "com.fasterxml.jackson.databind..")
                .check(classes);
    }
}
