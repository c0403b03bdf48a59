package org.parkscope.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The region this installation serves — the town, or for a district or city deployment the lowest region holding
 * every park (SQL {@code served_region()}, V025) — and the date its figures are reported as of. Yearly figures default
 * to the last full year before that date (a report dated March 2024 speaks of 2023).
 */
@Component
public class TownContext {

    /** The served region: its id, statistical code, name, level (TOWN, COUNTY, CITY, PROVINCE) and reporting date. */
    public record Town(long id, String code, String name, String level, @Nullable LocalDate asOfDate) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public TownContext(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemDefaultZone();
    }

    public Optional<Town> town() {
        return jdbc.sql("select id, code, name, level, as_of_date from served_region()")
                .query(RecordRows.of(Town.class)).optional();
    }

    /** The code of the region (the town) a parcel's park lies in; empty for an unknown parcel. */
    public String regionCodeOfParcel(long parcelId) {
        return jdbc.sql("select r.code from parcel pa join park p on p.id = pa.park_id"
                + " join region r on r.id = p.region_id where pa.id = ?")
                .param(parcelId).query(String.class).optional().orElse("");
    }

    public LocalDate asOf() {
        LocalDate date = town().map(Town::asOfDate).orElse(null);
        return date != null ? date : LocalDate.now(clock);
    }

    public int referenceYear() {
        return asOf().getYear() - 1;
    }
}
