package org.parkscope.importing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./parkscope import FILE --type KIND}: the same import as the web page, from the command line, printing the
 * same report; exit code 0 when stored (or unchanged), 1 when rejected, 2 for bad arguments.
 */
@Component
@Order(6)
class ImportCommand implements ApplicationRunner {

    private final ImportService imports;
    private final ConfigurableApplicationContext context;

    ImportCommand(ImportService imports, ConfigurableApplicationContext context) {
        this.imports = imports;
        this.context = context;
    }

    @Command(name = "parkscope import", mixinStandardHelpOptions = true,
            description = "导入 Excel / CSV 文件 / import an Excel or CSV file")
    static final class Args implements Callable<Integer> {
        @Parameters(index = "0", description = "file / 文件 (.xlsx, .xls, .csv)")
        Path file;

        @Option(names = {"-t", "--type"}, required = true,
                description = "parks, parcels, buildings, floor_spaces, enterprises, occupancy, qualifications, indicators")
        String type;

        @Option(names = "--department", description = "source department for rows without one (TAX, STATS, POWER …)")
        @Nullable String department;

        @Option(names = "--period", description = "period for figure rows without one (2023 or 2023-05)")
        @Nullable String period;

        @Option(names = "--dry-run", description = "check only; store nothing / 仅检查")
        boolean dryRun;

        @Option(names = "--marked", description = "write the file with problems marked here / 输出标出问题的文件")
        @Nullable Path marked;

        @Option(names = "--as", description = "who imports (for the audit trail)", defaultValue = "cli")
        String actor;

        ImportService imports;
        PrintStream out;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                out.println("文件不存在 / no such file: " + file);
                return 2;
            }
            ImportKind kind;
            try {
                kind = ImportKind.parse(type);
            } catch (ImportException e) {
                out.println(e.inBothLanguages());
                return 2;
            }
            ImportReport report = imports.run(kind, file, file.getFileName().toString(),
                    new ImportRequest.Options(department, period, dryRun), actor);
            print(report, out);
            if (marked != null && !report.problems().isEmpty()) {
                MarkedFile.Output o = MarkedFile.write(file, file.getFileName().toString(), report);
                if (o != null) {
                    Files.write(marked, o.bytes());
                    out.println("标出问题的文件 / marked file: " + marked);
                }
            }
            return report.ok() ? 0 : 1;
        }
    }

    static void print(ImportReport r, PrintStream out) {
        out.println(r.summaryZh());
        out.println(r.summaryEn());
        if (r.sheet() != null) {
            out.printf("工作表 sheet: %s · 表头行 header row: %d · 数据行 rows: %d · %d ms%n", r.sheet(), r.headerRow(),
                    r.rowsRead(), r.millis());
        }
        for (ImportProblem p : r.problems()) {
            String where = (p.row() > 0 ? "第 " + p.row() + " 行 row " + p.row() : "文件 file")
                    + (p.columnLetter() != null ? " · " + p.columnLetter() + " 列" : "")
                    + (p.columnLabel() != null ? "（" + p.columnLabel() + "）" : "");
            out.printf("%s %s%s: %s / %s%n", p.isError() ? "错误 ERROR" : "警告 WARN ", where,
                    p.value() != null ? " [" + p.value() + "]" : "", p.messageZh(), p.messageEn());
        }
        if (r.errors() + r.warnings() > r.problems().size()) {
            out.printf("…… 另有 %d 个问题未列出 / %d more problems not listed%n",
                    r.errors() + r.warnings() - r.problems().size(), r.errors() + r.warnings() - r.problems().size());
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = args.getOptionValues("parkscope.command");
        if (command == null || !command.contains("import")) {
            return;
        }
        List<String> own = new ArrayList<>();
        for (String a : args.getSourceArgs()) {
            if (!a.startsWith("--parkscope.") && !a.startsWith("--spring.") && !a.startsWith("--logging.")) {
                own.add(a);
            }
        }
        Args parsed = new Args();
        parsed.imports = imports;
        parsed.out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code = new CommandLine(parsed).execute(own.toArray(new String[0]));
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
