package dev.dimmer.outbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void shouldNeedNothingButJdbcSoEveryModuleCanUseIt() {
        noClasses().that().resideInAPackage("dev.dimmer.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dimmer.api..", "dev.dimmer.core..",
                        "dev.dimmer.projections..", "dev.dimmer.chatbot..", "dev.dimmer.deploy..",
                        "org.axonframework..", "io.micronaut..", "com.slack..", "com.fasterxml..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.dimmer.outbox"));
    }
}
