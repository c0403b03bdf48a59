package org.parkscope.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The town this installation serves and the date its figures are reported as of. Yearly figures default to the last
 * full year before that date (a report dated March 2024 speaks of 2023).
 */
@Component
public class TownContext {

    /** A town: its region id, statistical code, name and reporting date. */
    public record Town(long id, String code, String name, @Nullable LocalDate asOfDate) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public TownContext(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemDefaultZone();
    }

    public Optional<Town> town() {
        return jdbc.sql("select id, code, name, as_of_date from region where level = 'TOWN' order by id limit 1")
                .query(RecordRows.of(Town.class)).optional();
    }

    public LocalDate asOf() {
        LocalDate date = town().map(Town::asOfDate).orElse(null);
        return date != null ? date : LocalDate.now(clock);
    }

    public int referenceYear() {
        return asOf().getYear() - 1;
    }
}
