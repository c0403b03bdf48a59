package org.parkscope.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.parkscope.core.archfixture.UsesALibrary;

/** Proves that the purity rule bites: a core-package class importing a library fails it. */
class ArchitectureRuleTest {

    @Test
    void theRuleRejectsACoreClassThatImportsALibrary() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesALibrary.class);
        assertThatThrownBy(() -> ArchitectureTest.CORE_IS_PURE_JAVA.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.assertj");
    }
}
