package dev.dimmer.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The validation engine stays plain Java and JDBC, so scheduled jobs, the CLI and tests can all call it. The
 * module's pom keeps Axon and Micronaut off its class path (the enforcer's bannedDependencies); this keeps the
 * server's and the plan's packages out of its code.
 */
class ValidationArchitectureTest {
    private final JavaClasses validation = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dimmer.validation");

    @Test
    void shouldNotDependOnFrameworksOrTheServer() {
        noClasses().that().resideInAPackage("dev.dimmer.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "org.axonframework..",
                        "dev.dimmer.core..", "dev.dimmer.plan..")
                .check(validation);
    }
}
