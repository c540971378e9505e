package io.matchmaking.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is the JDK only: every adapter may depend on it, it depends on no adapter or library. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.matchmaking.core");

    @Test
    void theCoreDependsOnTheJdkOnly() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.matchmaking.core..", "java..")
                .check(CORE);
    }
}
