package org.parkscope.land;

import java.time.LocalDate;
import org.parkscope.shared.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The version of the land data (V018's land_data_version): it changes, at commit, with every change to what the land
 * pages and the map show, so it names a cached map payload (ETag). The kept facts are for a reporting date; when the
 * date moves on (a town without a fixed reporting date, on a new day), the first reader refreshes them.
 */
@Service
public class LandVersion {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public LandVersion(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * The current version, as a tag: {@code <version>.<when it changed, µs>-<reporting date>} (the time keeps a tag
     * unique when a restored backup brings an older version number back).
     */
    public String current() {
        record Row(long version, long changed, LocalDate asOf, boolean stale) {}
        Row row = jdbc.sql("select version, cast(extract(epoch from changed_at) * 1000000 as bigint) as changed,"
                + " land_as_of() as as_of, as_of is distinct from land_as_of() as stale from land_data_version")
                .query(RecordRows.of(Row.class)).single();
        if (row.stale()) {
            tx.executeWithoutResult(s -> jdbc.sql("select refresh_land_facts(null), land_facts_touch_all()")
                    .query().listOfRows());
            return current();
        }
        return row.version() + "." + row.changed() + "-" + row.asOf();
    }
}
