package org.parkscope.importing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.UserMessage;
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
            description = "Imports an Excel or CSV file; messages are in the language of --lang.")
    static final class Args implements Callable<Integer> {
        @Parameters(index = "0", description = "file (.xlsx, .xls, .csv)")
        Path file;

        @Option(names = {"-t", "--type"}, required = true,
                description = "parks, parcels, buildings, floor_spaces, enterprises, occupancy, qualifications, indicators")
        String type;

        @Option(names = "--department", description = "source department for rows without one (TAX, STATS, POWER …)")
        @Nullable String department;

        @Option(names = "--period", description = "period for figure rows without one (2023 or 2023-05)")
        @Nullable String period;

        @Option(names = "--dry-run", description = "check only; store nothing")
        boolean dryRun;

        @Option(names = "--marked", description = "write the file with problems marked here")
        @Nullable Path marked;

        @Option(names = "--as", description = "who imports (for the audit trail)", defaultValue = "cli")
        String actor;

        @Option(names = "--lang", description = "language of the messages and the marked file: zh or en (default: the"
                + " system's, zh unless it is English)")
        @Nullable String lang;

        ImportService imports;
        PrintStream out;

        @Override
        public Integer call() throws Exception {
            Locale locale = lang == null ? UserMessage.commandLineLocale() : Locale.forLanguageTag(lang);
            if (!Files.isRegularFile(file)) {
                out.println(UserMessage.of("cli.import.noFile", file).text(locale));
                return 2;
            }
            ImportKind kind;
            try {
                kind = ImportKind.parse(type);
            } catch (ImportException e) {
                out.println(e.text(locale));
                return 2;
            }
            ImportReport report = imports.run(kind, file, file.getFileName().toString(),
                    new ImportRequest.Options(department, period, dryRun), actor);
            print(report, out, locale);
            if (marked != null && !report.problems().isEmpty()) {
                MarkedFile.Output o = MarkedFile.write(file, file.getFileName().toString(), report, locale);
                if (o != null) {
                    Files.write(marked, o.bytes());
                    out.println(UserMessage.of("cli.import.marked", marked).text(locale));
                }
            }
            return report.ok() ? 0 : 1;
        }
    }

    static void print(ImportReport r, PrintStream out, Locale locale) {
        out.println(r.summary().text(locale));
        if (r.sheet() != null) {
            out.println(UserMessage.of("cli.import.sheet", r.sheet(), String.valueOf(r.headerRow()),
                    String.valueOf(r.rowsRead()), String.valueOf(r.millis())).text(locale));
        }
        for (ImportProblem p : r.problems()) {
            UserMessage where = p.row() > 0 ? UserMessage.of("cli.import.row", String.valueOf(p.row()))
                    : UserMessage.of("cli.import.file");
            if (p.columnLetter() != null) {
                where = UserMessage.of("cli.import.column", where, p.columnLetter());
            }
            out.println(UserMessage.of("cli.import.problem", UserMessage.of(p.isError() ? "cli.import.error"
                    : "cli.import.warning"), where, p.columnLabel() == null ? "" : " (" + p.columnLabel() + ")",
                    p.value() == null ? "" : " [" + p.value() + "]", p.userMessage()).text(locale));
        }
        if (r.errors() + r.warnings() > r.problems().size()) {
            out.println(UserMessage.of("cli.import.more",
                    String.valueOf(r.errors() + r.warnings() - r.problems().size())).text(locale));
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
