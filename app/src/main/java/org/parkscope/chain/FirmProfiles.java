package org.parkscope.chain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.FirmProfile;
import org.parkscope.shared.TownContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chain matcher's input read from the registry: a firm's texts, class and certificates in force. */
@Repository
class FirmProfiles {

    private final JdbcClient jdbc;
    private final TownContext town;

    FirmProfiles(JdbcClient jdbc, TownContext town) {
        this.jdbc = jdbc;
        this.town = town;
    }

    /** The matcher's input for every enterprise (or one): texts, class and the certificates in force. */
    List<FirmProfile> of(@Nullable Long enterpriseId) {
        LocalDate asOf = town.asOf();
        Map<Long, Set<String>> quals = new HashMap<>();
        jdbc.sql("""
                select enterprise_id, type from qualification
                where in_force(issued_on, expires_on, :asOf)
                  and (cast(:id as bigint) is null or enterprise_id = :id)
                """).param("asOf", asOf).param("id", enterpriseId).query((rs, n) -> {
                    String type = rs.getString(2);
                    quals.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(ChainService.QUALIFICATION_TITLES.getOrDefault(type, type));
                    return null;
                }).list();
        return jdbc.sql("""
                select id, name, industry_code, business_scope, main_products from enterprise
                where status in ('ACTIVE', 'SUSPENDED') and (cast(:id as bigint) is null or id = :id) order by id
                """).param("id", enterpriseId).query((rs, n) -> new FirmProfile(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), quals.getOrDefault(rs.getLong(1), Set.of())))
                .list();
    }
}
