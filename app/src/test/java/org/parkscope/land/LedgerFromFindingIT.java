package org.parkscope.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.shared.TownContext;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A low-efficiency parcel moved into the 盘活 ledger from the list in one step, as an administrator does it: the item is
 * made from the parcel and its finding and opens; the same parcel cannot be entered again while that item is open.
 */
@PlatformTest
class LedgerFromFindingIT {

    private static final Pattern LEDGER_FORM = Pattern.compile("action=\"/land/low-efficiency/(\\d+)/ledger\"");

    @Autowired JdbcClient jdbc;
    @Autowired Environment env;
    @Autowired TownContext town;

    @Test
    void aListedParcelBecomesALedgerItemOnceAndItsPageOpens() {
        Browser admin = Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin",
                "Parkscope2024");
        String list = admin.get("/land/low-efficiency").body();
        List<Long> listed = new ArrayList<>();
        Matcher m = LEDGER_FORM.matcher(list);
        while (m.find()) {
            listed.add(Long.parseLong(m.group(1)));
        }
        assertThat(list).contains("转入盘活台账");
        long parcel = listed.stream().filter(p -> openItems(p) == 0).findFirst().orElseThrow();
        String certificate = jdbc.sql("select certificate_no from parcel where id = ?").param(parcel)
                .query(String.class).single();
        long created = 0;
        try {
            HttpResponse<String> r = admin.post("/land/low-efficiency/" + parcel + "/ledger", Map.of("kind", "RESERVE"));
            assertThat(r.statusCode()).isEqualTo(302);
            String location = r.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches(".*/land/interventions/\\d+");
            created = Long.parseLong(location.replaceAll(".*/", ""));
            String item = admin.follow(r).body();
            assertThat(item).contains("已记入台账", certificate, "收储", "低效用地盘活",
                    town.referenceYear() + " 年认定为低效用地");
            assertThat(jdbc.sql("select baseline_year from land_intervention where id = ?").param(created)
                    .query(Integer.class).single()).isEqualTo(town.referenceYear());
            assertThat(jdbc.sql("select parcel_id from land_intervention_parcel where intervention_id = ?").param(created)
                    .query(Long.class).list()).containsExactly(parcel);
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'land_intervention' and entity_id = ?"
                    + " and action = 'CREATE' and actor = 'admin'").param(String.valueOf(created)).query(Long.class)
                    .single()).isEqualTo(1);

            // a second time: refused while the first item is open, nothing added
            admin.get("/land/low-efficiency");
            HttpResponse<String> again = admin.post("/land/low-efficiency/" + parcel + "/ledger", Map.of());
            assertThat(admin.follow(again).body())
                    .contains("不能重复登记", "第 " + created + " 项");
            assertThat(openItems(parcel)).isEqualTo(1);

            // a parcel that is not listed cannot be moved from the list
            long unlisted = jdbc.sql("select min(id) from parcel where id not in (select parcel_id from"
                    + " low_efficiency_findings(?))").param(town.referenceYear()).query(Long.class).single();
            admin.get("/land/low-efficiency?lang=en");
            HttpResponse<String> refused = admin.post("/land/low-efficiency/" + unlisted + "/ledger", Map.of());
            assertThat(admin.follow(refused).body())
                    .contains("so it cannot be moved from the list");
            admin.get("/land/low-efficiency?lang=zh_CN");
        } finally {
            jdbc.sql("delete from land_intervention where id = ?").param(created).update();
        }
    }

    private long openItems(long parcel) {
        return jdbc.sql("select count(*) from land_intervention i join land_intervention_parcel ip"
                + " on ip.intervention_id = i.id where ip.parcel_id = ? and i.completed_on is null").param(parcel)
                .query(Long.class).single();
    }
}
