package org.parkscope.land;

import java.util.List;
import java.util.Optional;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a scope's parks lie: the extent of their boundaries and parcels, as the {@code bbox} the map takes
 * ({@code west,south,east,north}, degrees). A park operator's map and home open on it instead of the whole town.
 */
@Service
public class ScopeBounds {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ScopeBounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The extent of the parks in scope (empty for the whole town, or when none of them has a drawn outline). */
    public Optional<String> bbox(Scope scope) {
        if (scope.allParks()) {
            return Optional.empty();
        }
        List<String> geometries = ScopeParams.bind(jdbc.sql("""
                select p.boundary::text from park p where p.boundary is not null and %1$s
                union all
                select pa.geometry::text from parcel pa where pa.geometry is not null and %2$s
                """.formatted(Scope.parkCondition("p.id"), Scope.parkCondition("pa.park_id"))), scope)
                .query(String.class).list();
        double[] all = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (String g : geometries) {
            double[] e = MapBounds.extent(MAPPER.readTree(g));
            all[0] = Math.min(all[0], e[0]);
            all[1] = Math.min(all[1], e[1]);
            all[2] = Math.max(all[2], e[2]);
            all[3] = Math.max(all[3], e[3]);
        }
        if (all[0] > all[2]) {
            return Optional.empty();
        }
        return Optional.of(new MapBounds(all[0], all[1], all[2], all[3]).key());
    }
}
