package dev.dimmer.chatbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void shouldSpeakOnlyThePublishedLanguage() {
        noClasses().that().resideInAPackage("dev.dimmer.chatbot..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.dimmer.core..", "dev.dimmer.projections..",
                        "dev.dimmer.deploy..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.dimmer.chatbot"));
    }
}
