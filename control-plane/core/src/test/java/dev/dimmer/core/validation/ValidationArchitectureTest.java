package dev.dimmer.core.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The validation engine stays plain Java and JDBC, so scheduled jobs, the CLI and tests can all call it. */
class ValidationArchitectureTest {
    private final JavaClasses validation = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dimmer.core.validation");

    @Test
    void shouldNotDependOnMicronautOrAxon() {
        noClasses().that().resideInAPackage("dev.dimmer.core.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.axonframework..")
                .check(validation);
    }
}
