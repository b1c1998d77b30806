package dev.dimmer.plan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Plans load, lint and render without a server. The module's pom already keeps Axon and Micronaut off its class
 * path (the enforcer's bannedDependencies); this keeps HTTP, storage and the server's packages out of its code.
 */
class PlanArchitectureTest {
    private final JavaClasses plan = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dimmer.plan");

    @Test
    void shouldKeepPlanLoadingFreeOfHttpAndStorage() {
        noClasses().that().resideInAPackage("dev.dimmer.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "java.sql..", "javax.sql..",
                        "org.axonframework..", "dev.dimmer.core..", "dev.dimmer.validation..")
                .check(plan);
    }
}
