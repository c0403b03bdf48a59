package org.parkscope.access;

import org.parkscope.shared.UserMessage;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.parkscope.audit.AuditLog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./parkscope create-admin NAME}: creates a town administrator, or resets an existing account's password (which
 * ends its sessions), with a one-time password printed once; then the process ends. Without exactly one NAME it
 * prints the usage and fails — it never falls back to resetting {@code admin}.
 */
@Component
@Order(5)
class AdminCommand implements ApplicationRunner {

    static final int OK = 0;
    static final int USAGE = 2;

    private final AccountStore accounts;
    private final AuditLog audit;
    private final ConfigurableApplicationContext context;

    AdminCommand(AccountStore accounts, AuditLog audit, ConfigurableApplicationContext context) {
        this.accounts = accounts;
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> command = args.getOptionValues("parkscope.command");
        if (command == null || !command.contains("create-admin")) {
            return;
        }
        int code = createAdmin(args.getNonOptionArgs(), System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Does the command's work and returns the process's exit code. */
    int createAdmin(List<String> names, PrintStream out, PrintStream err) {
        if (names.size() != 1 || names.get(0).isBlank()) {
            err.println(UserMessage.of("cli.createAdmin.usage").inBothLanguages());
            return USAGE;
        }
        String username = names.get(0).trim();
        String password = AccountStore.randomPassword();
        var existing = accounts.find(username);
        if (existing.isPresent()) {
            accounts.setPassword(existing.get().id(), password, true);
            audit.recordAs("cli", "UPDATE", "user_password", existing.get().id(), null, null, null,
                    Map.of("username", username, "reset", true));
        } else {
            long id = accounts.create(username, username, password, Role.TOWN_ADMIN, null, null, true);
            audit.recordAs("cli", "CREATE", "user", id, null, null, null, Map.of("username", username, "role", "TOWN_ADMIN"));
        }
        out.println(oneTimePassword(username, password));
        return OK;
    }

    /** The notice of an administrator's one-time password on the console (no locale there: Chinese, then English). */
    static String oneTimePassword(String username, String password) {
        String nl = System.lineSeparator();
        return nl + "  " + UserMessage.of("cli.createAdmin.done", username, password).inBothLanguages()
                .replace("\n", nl).replace(nl, nl + "  ") + nl;
    }
}
