package org.parkscope.access;

import java.util.Map;
import org.parkscope.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first accounts. On a platform with none: the demo town gets one account per role (listed in the README);
 * anywhere else an administrator "admin" is created with a one-time password that is printed once and must be
 * changed at the first sign-in.
 */
@Component
@Order(10)
class AccessBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Parkscope2024";
    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final AccountStore accounts;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final boolean demo;

    AccessBootstrap(AccountStore accounts, JdbcClient jdbc, AuditLog audit,
            @Value("${parkscope.demo.enabled:false}") boolean demo) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAccount() || args.containsOption("parkscope.command")) {
            return;
        }
        if (demo) {
            createDemoAccounts();
            return;
        }
        String password = AccountStore.randomPassword();
        long id = accounts.create("admin", "管理员 Administrator", password, Role.TOWN_ADMIN, null, null, true);
        audit.recordAs("system", "CREATE", "user", id, null, null, null, Map.of("username", "admin", "role", "TOWN_ADMIN"));
        System.out.println(AdminCommand.oneTimePassword("admin", password));
    }

    private void createDemoAccounts() {
        Long operator = jdbc.sql("select operator_id from park where code = 'SLS'").query(Long.class).optional().orElse(null);
        Long enterprise = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).optional()
                .orElse(null);
        if (operator == null || enterprise == null) {
            log.warn("The demo town is not there; no demo accounts were created");
            return;
        }
        create("admin", "泗泾镇经发办管理员", Role.TOWN_ADMIN, null, null);
        create("analyst", "泗泾镇经发办分析员", Role.TOWN_ANALYST, null, null);
        create("park", "手拉手汽车港运营方", Role.PARK_OPERATOR, operator, null);
        create("enterprise", "移远通信企业用户", Role.ENTERPRISE_USER, null, enterprise);
        create("auditor", "审计员", Role.AUDITOR, null, null);
        log.info("Demo accounts: admin, analyst, park, enterprise, auditor (password {})", DEMO_PASSWORD);
    }

    private void create(String username, String name, Role role, Long operator, Long enterprise) {
        long id = accounts.create(username, name, DEMO_PASSWORD, role, operator, enterprise, false);
        audit.recordAs("system", "CREATE", "user", id, null, enterprise, null, Map.of("username", username, "role", role.name()));
    }
}
