package org.parkscope.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link RecordRows} maps rows as {@code JdbcClient.query(Record.class)} does, on the real database. */
@PlatformTest
class RecordRowsIT {

    record Row(long id, String legalName, @Nullable BigDecimal areaM2, LocalDate since, Instant at, boolean hq,
            @Nullable Integer rank) {
    }

    private static final String SQL = """
            select * from (values
              (1, 'A 公司', 12.50::numeric, date '2023-01-02', timestamptz '2023-01-02 03:04:05+00', true, 3),
              (2, 'B 公司', null::numeric, date '2024-05-06', timestamptz '2024-05-06 07:08:09+00', false, null::int)
            ) v(id, %s, area_m2, since, %s, hq, rank) order by id""";

    @Autowired JdbcClient jdbc;

    @Test
    void mapsSnakeCaseAndLowerCaseLabelsLikeSpringsMapperDoes() {
        for (String[] labels : List.of(new String[] {"legal_name", "at"}, new String[] {"\"legalName\"", "\"AT\""},
                new String[] {"legalname", "at"})) {
            String sql = SQL.formatted(labels[0], labels[1]);
            List<Row> ours = jdbc.sql(sql).query(RecordRows.of(Row.class)).list();
            List<Row> springs = jdbc.sql(sql).query(Row.class).list();
            assertThat(ours).as(labels[0]).isEqualTo(springs).hasSize(2);
            assertThat(ours.get(0)).isEqualTo(new Row(1, "A 公司", new BigDecimal("12.50"), LocalDate.of(2023, 1, 2),
                    Instant.parse("2023-01-02T03:04:05Z"), true, 3));
            assertThat(ours.get(1).areaM2()).isNull();
            assertThat(ours.get(1).rank()).isNull();
        }
    }

    @Test
    void oneMapperFollowsEachResultSetItMaps() {
        RecordRows<Row> mapper = RecordRows.of(Row.class);
        assertThat(jdbc.sql(SQL.formatted("legal_name", "at")).query(mapper).list()).hasSize(2);
        String reordered = "select at, hq, rank, since, area_m2, legal_name, id from (" + SQL.formatted("legal_name", "at")
                + ") r where id = 2";
        assertThat(jdbc.sql(reordered).query(mapper).single().legalName()).isEqualTo("B 公司");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> jdbc.sql("select 1 as id").query(RecordRows.of(Row.class)).list())
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("legalName").hasMessageContaining("legal_name");
    }
}
