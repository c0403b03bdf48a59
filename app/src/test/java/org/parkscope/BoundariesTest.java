package org.parkscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's feature packages ({@code org.parkscope.<feature>}) form no cycles, nothing outside {@code web}
 * depends on {@code web} (the shell: layout, error pages, input guards), and controllers reach the database only
 * through their feature's services and query classes, never through a {@code JdbcClient} of their own.
 */
class BoundariesTest {

    static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.parkscope");

    static final ArchRule NO_CYCLES = slices().matching("org.parkscope.(*)..")
            .should().beFreeOfCycles()
            .because("a feature package is read top to bottom without following a loop");

    static final ArchRule NOTHING_DEPENDS_ON_WEB = noClasses()
            .that().resideOutsideOfPackage("org.parkscope.web..")
            .should().dependOnClassesThat().resideInAPackage("org.parkscope.web..")
            .because("web is the shell around the features; they do not reach back into it");

    static final ArchRule NO_JDBC_FIELD_IN_CONTROLLERS = fields()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
            .or().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .should().notHaveRawType(JdbcClient.class)
            .because("controllers call their feature's services and queries; SQL lives there");

    static final ArchRule NO_JDBC_PARAMETER_IN_CONTROLLERS = noClasses()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .because("controllers call their feature's services and queries; SQL lives there");

    @Test
    void featurePackagesAreFreeOfCycles() {
        NO_CYCLES.check(APP);
    }

    /**
     * The same rule on the sources, for what the class files do not show: a compile-time constant of another package
     * (an SQL fragment, say) is copied into the class that uses it, so ArchUnit never sees that dependency.
     */
    @Test
    void featurePackagesAreFreeOfCyclesInTheSourcesToo() throws IOException {
        Map<String, Set<String>> uses = sourceDependencies(Path.of("src/main/java/org/parkscope"));
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                assertThat(reaches(uses, to, from, new HashSet<>()))
                        .as("%s uses %s, and %s reaches back to %s", from, to, to, from).isFalse();
            }
        }
    }

    /** Package to the packages its sources name (imports and qualified names, comments left out). */
    static Map<String, Set<String>> sourceDependencies(Path root) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        Pattern named = Pattern.compile("org\\.parkscope\\.([a-z]+)");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String pkg = relative.getName(0).toString();
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                Matcher m = named.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        uses.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target) || seen.add(next) && reaches(uses, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void nothingDependsOnWeb() {
        NOTHING_DEPENDS_ON_WEB.check(APP);
    }

    @Test
    void controllersHoldNoJdbcClient() {
        NO_JDBC_FIELD_IN_CONTROLLERS.check(APP);
        NO_JDBC_PARAMETER_IN_CONTROLLERS.check(APP);
    }
}
