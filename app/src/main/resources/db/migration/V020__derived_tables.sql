-- The tables the platform derives from other tables (stored facts and their bookkeeping). One list: a backup leaves
-- them out and a restore rebuilds them from what it restored (DatabaseDump), so a backup holds only source data.
create function derived_tables() returns setof text
    language sql immutable parallel safe
    as $$ select unnest(array['enterprise_year', 'sei_firm', 'cluster_membership', 'park_fact', 'park_year',
                              'cluster_park', 'cluster_park_year', 'parcel_fact', 'parcel_year_fact', 'building_fact',
                              'land_data_version', 'land_fact_pending']) $$;

-- Every derived table rebuilt from scratch (after a restore, or as a repair), with a new land data version.
create function refresh_derived_facts() returns void
    language plpgsql
    as $$
    begin
        perform lock_stored_facts();
        perform refresh_all_facts();
        delete from land_fact_pending;
        perform refresh_land_facts(null);
        update land_data_version set version = version + 1, changed_at = now();
    end $$;
