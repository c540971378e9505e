package io.matchmaking.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.matchmaking.core.GroupCommitJoiner;
import io.matchmaking.core.Matchmaker;
import org.junit.jupiter.api.Test;

/**
 * The HTTP adapter drives the core through its use cases ({@code JoinQueue}, {@code LeaveQueue},
 * {@code ReadMatches}) only: never the concrete classes behind them, never the storage port
 * beyond them, no exception (the store's timers live where the server is put together).
 */
class DependencyRuleTest {

    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.matchmaking.http");

    @Test
    void theAdapterKnowsTheUseCasesNotTheirImplementations() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Matchmaker.class)
                .orShould().dependOnClassesThat().areAssignableTo(GroupCommitJoiner.class)
                .check(ADAPTER);
    }

    @Test
    void theAdapterNeverReachesPastTheCoreToTheStoragePort() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.matchmaking.core.store..")
                .check(ADAPTER);
    }
}
