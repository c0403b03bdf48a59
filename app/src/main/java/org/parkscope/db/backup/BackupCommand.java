package org.parkscope.db.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.parkscope.shared.Refusal;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./parkscope backup FILE} and {@code ./parkscope restore FILE [--force]} on the configured database (the
 * embedded one, attached to if the platform runs, or {@code PARKSCOPE_DB_URL}). Runs before any other start-up work;
 * exit code 0 when done, 1 when refused or failed (nothing changed), 2 for bad arguments.
 */
@Component
@Order(1)
class BackupCommand implements ApplicationRunner {

    private final DataSource dataSource;
    private final MessageSource messages;
    private final ConfigurableApplicationContext context;

    BackupCommand(DataSource dataSource, MessageSource messages, ConfigurableApplicationContext context) {
        this.dataSource = dataSource;
        this.messages = messages;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = args.getOptionValues("parkscope.command");
        if (command == null || !(command.contains("backup") || command.contains("restore"))) {
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code = execute(command.contains("backup"), args.getNonOptionArgs(), args.containsOption("force"), out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int execute(boolean backup, List<String> files, boolean force, PrintStream out) {
        if (files.size() != 1) {
            say(out, "backup.usage");
            return 2;
        }
        Path file = Path.of(files.get(0)).toAbsolutePath();
        try {
            if (backup) {
                DatabaseDump.Summary s = write(file);
                say(out, "backup.written", file, s.rows().size(), s.totalRows(), s.schemaVersion());
            } else {
                if (!Files.isRegularFile(file)) {
                    say(out, "backup.restore.notBackup", file);
                    return 2;
                }
                DatabaseDump.Summary s = DatabaseDump.restore(dataSource, file, force);
                say(out, "backup.restored", file, s.rows().size(), s.totalRows());
            }
            return 0;
        } catch (Refusal e) {
            out.println(e.inBothLanguages());
            return 1;
        } catch (SQLException | IOException | RuntimeException e) {
            say(out, "backup.failed", e.getMessage());
            return 1;
        }
    }

    /** Writes beside the target and moves it into place, so a failed backup leaves no half file. */
    private DatabaseDump.Summary write(Path file) throws SQLException, IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream os = Files.newOutputStream(partial)) {
            DatabaseDump.Summary s = DatabaseDump.backup(dataSource, os);
            os.close();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return s;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void say(PrintStream out, String key, Object... args) {
        out.println(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE));
        out.println(messages.getMessage(key, args, Locale.ENGLISH));
    }
}
