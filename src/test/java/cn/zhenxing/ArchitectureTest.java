package cn.zhenxing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md: features form no cycle, no feature reaches up into the
 * portal's shell (web) or the command line (cli), and SQL lives in each feature's .sql file.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zhenxing");

    /** Each direct subpackage of cn.zhenxing is one feature (warehouse and workbook are the shared kernel). */
    static final ArchRule NO_CYCLES = slices().matching("cn.zhenxing.(*)..").should().beFreeOfCycles();

    static final ArchRule NOTHING_IMPORTS_CLI = noClasses().that().resideOutsideOfPackage("cn.zhenxing.cli..")
            .and().doNotHaveFullyQualifiedName(ZhenxingApplication.class.getName())
            .should().dependOnClassesThat().resideInAPackage("cn.zhenxing.cli..");

    static final ArchRule ONLY_CLI_IMPORTS_WEB = noClasses().that().resideOutsideOfPackages("cn.zhenxing.web..", "cn.zhenxing.cli..")
            .should().dependOnClassesThat().resideInAPackage("cn.zhenxing.web..");

    @Test
    void featuresFormNoCycle() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void noFeatureImportsTheCommandLine() {
        NOTHING_IMPORTS_CLI.check(MAIN);
    }

    @Test
    void noFeatureImportsThePortalShell() {
        ONLY_CLI_IMPORTS_WEB.check(MAIN);
    }

    /** A string literal that starts like a SQL statement. */
    static final Pattern SQL_LITERAL = Pattern.compile("\"\\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|REPLACE|TRUNCATE|WITH)\\s");

    /**
     * Java that must build SQL itself, and why. Everything else asks its feature's SqlFile holder.
     */
    static final List<String> SQL_IN_JAVA_ALLOWED = List.of(
            // Flyway Java migration that runs Quartz's own DDL from its jar.
            "src/main/java/db/migration/V7__quartz_tables.java",
            // The catalog's one generic upsert (row-hash compare) over each dimension's columns, named by CatalogWriter.
            "src/main/java/cn/zhenxing/catalog/UpsertTable.java");

    @Test
    void sqlLivesInTheFeaturesSqlFiles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (SQL_IN_JAVA_ALLOWED.contains(file.toString())) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = SQL_LITERAL.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).as("SQL string literals outside the features' .sql files").isEmpty();
    }

    @Test
    void theRulesCatchWhatTheyForbid() {
        // A cycle as a newcomer might add one: the calendar asking ingest, which asks the calendar.
        JavaClasses withCycle = new ClassFileImporter().importClasses(cn.zhenxing.calendar.ArchitectureCycleFixture.class,
                cn.zhenxing.ingest.ArchitectureCycleFixture.class);
        assertThat(NO_CYCLES.evaluate(withCycle).hasViolation()).isTrue();
        assertThat(NO_CYCLES.evaluate(new ClassFileImporter().importClasses(cn.zhenxing.ingest.ArchitectureCycleFixture.class))
                .hasViolation()).isFalse();
        assertThat(SQL_LITERAL.matcher("String q = \"SELECT 1 FROM dim_region\";").find()).isTrue();
        assertThat(SQL_LITERAL.matcher("String s = \"Selected units\";").find()).isFalse();
    }
}
