package dev.metanode.consensus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Consensus is pure logic: no Netty, RocksDB or picocli, and no other feature module. */
class ModuleRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.metanode.consensus");

    @Test
    void holdsNoAdapterTypes() {
        noClasses().that().resideInAPackage("dev.metanode.consensus..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.rocksdb..", "picocli..")
                .because("the consensus core stays testable without transports or databases (DESIGN.md section 2)")
                .check(CLASSES);
    }

    @Test
    void dependsOnlyOnCoreAmongOurModules() {
        noClasses().that().resideInAPackage("dev.metanode.consensus..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.metanode.cli..", "dev.metanode.court..",
                        "dev.metanode.cluster..", "dev.metanode.docklock..", "dev.metanode.httpcage..",
                        "dev.metanode.relay..", "dev.metanode.bank..")
                .check(CLASSES);
    }
}
