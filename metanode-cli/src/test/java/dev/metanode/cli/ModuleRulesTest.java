package dev.metanode.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 2, enforced: core depends on no module of ours; feature modules depend
 * only on core, never on each other; pure logic holds no Netty, RocksDB or picocli types.
 */
class ModuleRulesTest {
    private static final List<String> FEATURES = List.of("docklock", "cluster", "consensus", "court", "httpcage",
            "relay", "bank");
    private static JavaClasses classes;

    @BeforeAll
    static void importProduction() {
        // Core's test fixtures arrive as a *-tests.jar, which the predefined option does not recognise.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.metanode");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.metanode.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.metanode.core..", "java..", "javax..",
                        "jdk..", "com.sun..", "sun..", "org.bouncycastle..", "org.rocksdb..", "com.fasterxml.jackson..",
                        "org.erdtman..", "io.netty..", "org.slf4j..")
                .because("metanode-core is the kernel: modules plug into its ports, not the other way round")
                .check(classes);
    }

    @Test
    void featureModulesMeetOnlyAtCorePorts() {
        for (String feature : FEATURES) {
            String[] others = FEATURES.stream().filter(f -> !f.equals(feature)).map(f -> "dev.metanode." + f + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.metanode." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("dev.metanode.cli..")
                    .because("modules meet only at ports in metanode-core (DESIGN.md section 2)")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void pureLogicHoldsNoAdapterTypes() {
        noClasses().that().resideInAnyPackage("dev.metanode.core.log..", "dev.metanode.core.receipt..",
                        "dev.metanode.core.codec..", "dev.metanode.core.crypto..", "dev.metanode.core.kernel..",
                        "dev.metanode.consensus..", "dev.metanode.court..", "dev.metanode.cluster..",
                        "dev.metanode.bank..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.rocksdb..", "picocli..")
                .because("adapters hold Netty, RocksDB and picocli; the logic stays testable without them")
                .check(classes);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.metanode.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }
}
