-- The stored-fact tables (backups leave them out, a restore rebuilds them): V021's chain facts and V022's land
-- findings each replaced V020's list with their own additions; this is the union.
create or replace function derived_tables() returns setof text
    language sql immutable parallel safe
    as $$ select unnest(array['enterprise_year', 'sei_firm', 'cluster_membership', 'park_fact', 'park_year',
                              'cluster_park', 'cluster_park_year', 'parcel_fact', 'parcel_year_fact', 'building_fact',
                              'land_data_version', 'land_fact_pending', 'chain_firm', 'chain_node_park', 'chain_park',
                              'chain_park_year', 'low_efficiency_finding', 'vacant_unit_fact',
                              'low_efficiency_criterion']) $$;
