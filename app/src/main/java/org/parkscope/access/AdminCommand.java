package org.parkscope.access;

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
 * {@code ./parkscope create-admin NAME}: creates a town administrator, or resets an existing account's password, with a
 * one-time password printed once; then the process ends.
 */
@Component
@Order(5)
class AdminCommand implements ApplicationRunner {

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
        List<String> names = args.getNonOptionArgs();
        String username = names.isEmpty() ? "admin" : names.get(0);
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
        System.out.println("\n  管理员 / administrator:  " + username + "\n  一次性密码 / one-time password:  " + password
                + "\n  （仅显示这一次 / shown once）\n");
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
