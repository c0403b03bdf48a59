package org.parkscope.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The core stays pure Java: it may depend on the JDK's own packages, on itself and on JTS (plain-Java geometry, no
 * I/O, used for parcel areas, overlaps and point-in-polygon), nothing else. The rule is an allow-list, so Spring,
 * Jackson, JDBC, JPA, Lombok or any other library that slips in fails the build.
 */
class ArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.parkscope.core");

    static final ArchRule CORE_IS_PURE_JAVA = noClasses()
            .that().resideInAPackage("org.parkscope.core..")
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("org.parkscope.core..", "java..", "org.locationtech.jts..")
            .because("core holds the domain, validators and engines; frameworks live in the app module");

    static final ArchRule NO_JDBC_OR_DESKTOP = noClasses()
            .that().resideInAPackage("org.parkscope.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax..", "java.awt..", "java.net.http..")
            .because("core does no I/O against databases or networks");

    @Test
    void coreDependsOnlyOnTheJdk() {
        CORE_IS_PURE_JAVA.check(CORE);
    }

    @Test
    void coreDoesNotTouchJdbc() {
        NO_JDBC_OR_DESKTOP.check(CORE);
    }
}
