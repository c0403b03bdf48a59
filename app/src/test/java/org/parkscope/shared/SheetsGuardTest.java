package org.parkscope.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formula guard, and the rule that keeps every export going through it. */
class SheetsGuardTest {

    @Test
    void textStartingLikeAFormulaIsGuarded() {
        for (String s : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tX", "\rY")) {
            assertThat(Sheets.safe(s)).isEqualTo("'" + s);
        }
        assertThat(Sheets.safe("上海移远通信技术股份有限公司")).isEqualTo("上海移远通信技术股份有限公司");
        assertThat(Sheets.safe(null)).isEmpty();
        assertThat(Sheets.csvLine(java.util.Arrays.asList(1, "=1+1", "a\"b", null, -2))).isEqualTo("1,'=1+1,\"a\"\"b\",,-2");
        assertThat(Sheets.csvVerbatim("-5")).isEqualTo("-5");
    }

    @Test
    void onlySheetsWritesTextCells() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.parkscope");
        DescribedPredicate<JavaCall<?>> textCell = DescribedPredicate.describe("set a text cell", call ->
                call.getName().equals("setCellValue") && call.getTarget().getRawParameterTypes().size() == 1
                        && !call.getTarget().getRawParameterTypes().get(0).isPrimitive()
                        && !call.getTarget().getRawParameterTypes().get(0).getName().startsWith("java.time")
                        && !call.getTarget().getRawParameterTypes().get(0).getName().equals("java.util.Date")
                        && !call.getTarget().getRawParameterTypes().get(0).getName().equals("java.util.Calendar"));
        noClasses().that().doNotHaveFullyQualifiedName(Sheets.class.getName())
                .should().callMethodWhere(textCell)
                .because("every text cell goes through Sheets, whose formula guard an export cannot forget")
                .check(classes);
    }
}
