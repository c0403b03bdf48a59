package org.parkscope.demo;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vacant units in the demo town: in every fourth building with at least 400 m² not let, one unit of half the spare
 * area (at most 1 500 m²) that no occupancy row refers to — what 补链 targets are matched against. Derived from the
 * buildings alone, so the result is as reproducible as they are.
 */
final class DemoVacancies {

    private DemoVacancies() {}

    static void fill(JdbcTemplate jdbc) {
        jdbc.update("""
                insert into floor_space(id, building_id, park_id, label, floor_no, area_m2, use)
                select (select max(id) from floor_space) + row_number() over (order by b.id), b.id, b.park_id, b.name || '-空置-A', 1, least(round((b.floor_area_m2 - b.let) / 2), 1500),
                       case when pc.land_use like '%工业%' then '厂房' else '办公' end
                from (select b.*, coalesce((select sum(fs.area_m2) from floor_space fs where fs.building_id = b.id), 0) as let,
                             row_number() over (order by b.id) as k
                      from building b
                      where b.floor_area_m2 - coalesce((select sum(fs.area_m2) from floor_space fs
                                                        where fs.building_id = b.id), 0) >= 400) b
                join parcel pc on pc.id = b.parcel_id
                where b.k % 4 = 1
                order by b.id
                """);
    }
}
