-- Low-efficiency land (低效用地): the screening's rule as one SQL function, its configuration as rows, and its findings
-- kept per parcel for the year the land pages assess; and the vacant units of the reporting date (the space search).
-- Both are refreshed with V018's land facts (same transaction, at commit). LandFactsIT proves stored = from scratch
-- after every kind of change.

-- ------------------------------------------------------------------------------------------------ configuration

-- The configured criteria, in order (the platform writes them from its YAML file on start: LowEfficiencyCriteriaStore).
-- A parcel is listed when any criterion holds; each that holds is one reason.
create table low_efficiency_criterion (
    ord               int primary key,
    kind              text not null check (kind in ('NO_TAX', 'BELOW_CONTRACT', 'BELOW_STANDARD', 'COMPLETION_OVERDUE',
                                                    'PRODUCTION_STOPPED', 'SUBLET_ELSEWHERE')),
    metric            text check (metric in ('TAX', 'OUTPUT')),
    n_years           int,
    share             numeric,
    standard_per_mu   numeric,
    land_uses         text[] not null default '{}',
    min_years_in_use  int,
    leased_share      numeric,
    outside_share     numeric
);

-- The reporting year the screening assesses: the year before the reporting date (TownContext#referenceYear).
create function land_reference_year() returns int
    language sql stable
    as $$ select cast(extract(year from land_as_of()) as int) - 1 $$;

-- How many years of figures the criteria look at, ending with the assessed year (a stop in production needs a few
-- years before it, to find the output that stopped).
create function low_efficiency_look_back() returns int
    language sql stable
    as $$
    select greatest(1, coalesce(max(case c.kind when 'NO_TAX' then c.n_years
                                                when 'PRODUCTION_STOPPED' then c.n_years + 3 end), 1))
    from low_efficiency_criterion c
    $$;

-- ------------------------------------------------------------------------------------------------ the rule

-- The reasons one parcel is low-efficiency land in a year: a JSON array, one object per criterion that holds (in the
-- criteria's order) with its code and the figures behind it; empty when none holds. A year whose figures have not been
-- stored never counts against a parcel. fig_years / fig_tax / fig_activity: the parcel's yearly tax and activity
-- (output, or revenue where no output), one entry per year with figures.
create function low_efficiency_reasons(assessed_year int, parcel_area_m2 numeric, parcel_land_use text,
        parcel_occupants int, floor_m2 numeric, let_m2 numeric, let_outside_m2 numeric, due_on date, done_on date,
        tax_target numeric, output_target numeric, fig_years int[], fig_tax numeric[], fig_activity numeric[])
    returns jsonb
    language plpgsql stable
    as $$
    declare
        back int := low_efficiency_look_back(); -- years looked at, ending with the assessed one
        n int := coalesce(cardinality(fig_years), 0);
        mu numeric := parcel_area_m2 * 3 / 2000;
        has_year boolean := false;
        tax numeric := 0;
        act numeric := 0;
        c record;
        i int;
        per_mu numeric;
        target numeric;
        judged boolean;
        recent int;
        none boolean;
        earlier boolean;
        reason jsonb;
        reasons jsonb := '[]';
    begin
        for i in 1 .. n loop
            if fig_years[i] = assessed_year then
                has_year := true;
                tax := coalesce(fig_tax[i], 0);
                act := coalesce(fig_activity[i], 0);
            end if;
        end loop;
        for c in select * from low_efficiency_criterion order by ord loop
            reason := null;
            per_mu := case c.metric when 'TAX' then tax else act end / nullif(mu, 0);
            -- judged on its figures: a year of figures, and in use long enough (no contract dates: in use)
            judged := has_year and case when done_on is not null
                                        then extract(year from done_on) + c.min_years_in_use <= assessed_year
                                        else due_on is null end;
            if c.kind in ('NO_TAX', 'PRODUCTION_STOPPED') then
                recent := 0;
                none := true;
                earlier := false;
                for i in 1 .. n loop
                    if fig_years[i] > assessed_year - c.n_years and fig_years[i] <= assessed_year then
                        recent := recent + 1;
                        none := none and case c.kind when 'NO_TAX' then fig_tax[i] else fig_activity[i] end <= 0;
                    elsif fig_years[i] <= assessed_year - c.n_years and fig_years[i] > assessed_year - back then
                        earlier := earlier or fig_activity[i] > 0;
                    end if;
                end loop;
            end if;
            if c.kind = 'NO_TAX' then
                if recent = c.n_years and none then
                    reason := jsonb_build_object('code', 'NO_TAX', 'years', c.n_years);
                end if;
            elsif c.kind = 'BELOW_CONTRACT' then
                target := case c.metric when 'TAX' then tax_target else output_target end;
                if target > 0 and mu > 0 and judged and per_mu < c.share * target then
                    reason := jsonb_build_object('code', 'BELOW_CONTRACT_' || c.metric, 'metric', c.metric,
                                                 'actual', per_mu, 'target', target, 'share', c.share);
                end if;
            elsif c.kind = 'BELOW_STANDARD' then
                if (cardinality(c.land_uses) = 0 or parcel_land_use = any(c.land_uses)) and mu > 0
                   and parcel_occupants > 0 and judged and per_mu < c.share * c.standard_per_mu then
                    reason := jsonb_build_object('code', 'BELOW_STANDARD_' || c.metric, 'metric', c.metric,
                                                 'actual', per_mu, 'target', c.standard_per_mu, 'share', c.share);
                end if;
            elsif c.kind = 'COMPLETION_OVERDUE' then
                if due_on + make_interval(years => c.n_years) < coalesce(done_on, make_date(assessed_year, 12, 31)) then
                    reason := jsonb_strip_nulls(jsonb_build_object('code', 'COMPLETION_OVERDUE', 'years', c.n_years,
                                                 'due', due_on, 'completed', done_on,
                                                 'asOf', make_date(assessed_year, 12, 31)));
                end if;
            elsif c.kind = 'PRODUCTION_STOPPED' then
                if parcel_occupants > 0 and recent = c.n_years and none and earlier then
                    reason := jsonb_build_object('code', 'PRODUCTION_STOPPED', 'years', c.n_years);
                end if;
            elsif c.kind = 'SUBLET_ELSEWHERE' then
                if floor_m2 > 0 and let_m2 > 0 and let_m2 / floor_m2 >= c.leased_share
                   and let_outside_m2 / let_m2 >= c.outside_share then
                    reason := jsonb_build_object('code', 'SUBLET_TAX_ELSEWHERE', 'leased', let_m2 / floor_m2,
                                                 'outside', let_outside_m2 / let_m2);
                end if;
            end if;
            if reason is not null then
                reasons := reasons || jsonb_build_array(reason);
            end if;
        end loop;
        return reasons;
    end $$;

-- The contract terms the screening reads of a parcel: its latest contract's completion dates and per-亩 targets.
create function parcel_contract_terms(parcels bigint[])
    returns table (parcel_id bigint, completion_due date, completed_on date, tax_target numeric, output_target numeric)
    language sql stable
    as $$
    select c.parcel_id, c.completion_due, c.completed_on,
           (select lo.target from land_obligation lo where lo.contract_id = c.id and lo.metric = 'TAX' and lo.per_mu
            order by lo.id limit 1),
           (select lo.target from land_obligation lo where lo.contract_id = c.id and lo.metric = 'OUTPUT' and lo.per_mu
            order by lo.id limit 1)
    from (select distinct on (c.parcel_id) c.* from land_contract c
          where $1 is null or c.parcel_id = any($1)
          order by c.parcel_id, c.signed_on desc, c.id desc) c
    $$;

-- The listed parcels of a year, computed from scratch: the reasons, and the tax and output per 亩 of that year.
-- Occupants are taken at the end of the year (or on the reporting date, if earlier). parcels null: every parcel.
create function low_efficiency_computed(assessed_year int, parcels bigint[])
    returns table (year int, parcel_id bigint, tax_per_mu numeric, output_per_mu numeric, reasons jsonb)
    language sql stable
    as $$
    select $1, x.id, x.tax_per_mu, x.output_per_mu, x.reasons
    from (
        select pa.id,
               coalesce(y.tax_y / nullif(pa.area_m2 * 3 / 2000, 0), 0) as tax_per_mu,
               coalesce(y.act_y / nullif(pa.area_m2 * 3 / 2000, 0), 0) as output_per_mu,
               low_efficiency_reasons($1, pa.area_m2, pa.land_use, f.occupants, f.floor_area_m2, f.leased_m2,
                                      f.leased_outside_m2, c.completion_due, c.completed_on, c.tax_target,
                                      c.output_target, y.years, y.tax, y.activity) as reasons
        from parcel pa
        join parcel_facts(least(land_as_of(), make_date($1, 12, 31))) f on f.parcel_id = pa.id
        left join parcel_contract_terms($2) c on c.parcel_id = pa.id
        left join lateral (
            select array_agg(py.year order by py.year) as years, array_agg(py.tax order by py.year) as tax,
                   array_agg(py.activity order by py.year) as activity,
                   sum(py.tax) filter (where py.year = $1) as tax_y, sum(py.activity) filter (where py.year = $1) as act_y
            from parcel_year_fact py
            where py.parcel_id = pa.id and py.year between $1 - low_efficiency_look_back() + 1 and $1
        ) y on true
        where $2 is null or pa.id = any($2)
    ) x
    where x.reasons <> '[]'::jsonb
    $$;

-- ------------------------------------------------------------------------------------------------ kept findings

-- The listed parcels of the assessed year (land_reference_year()), one row a parcel.
create table low_efficiency_finding (
    year           int not null,
    parcel_id      bigint not null,
    tax_per_mu     numeric not null,
    output_per_mu  numeric not null,
    reasons        jsonb not null,
    primary key (year, parcel_id)
);
create index low_efficiency_finding_parcel_idx on low_efficiency_finding(parcel_id);

-- The listed parcels of a year: the kept ones for the assessed year, computed from scratch for any other. PL/pgSQL on
-- purpose: a query reading the kept rows is then not planned with the whole computation inlined (30 ms a query).
create function low_efficiency_findings(assessed_year int)
    returns table (year int, parcel_id bigint, tax_per_mu numeric, output_per_mu numeric, reasons jsonb)
    language plpgsql stable
    as $$
    begin
        if assessed_year = land_reference_year() then
            return query select f.year, f.parcel_id, f.tax_per_mu, f.output_per_mu, f.reasons
                         from low_efficiency_finding f where f.year = assessed_year;
        else
            return query select c.* from low_efficiency_computed(assessed_year, null) c;
        end if;
    end $$;

-- Recomputes the kept findings of some parcels (null: all of them).
create function refresh_low_efficiency(parcels bigint[]) returns void
    language sql
    as $$
    delete from low_efficiency_finding f where $1 is null or f.parcel_id = any($1) or f.year <> land_reference_year();
    insert into low_efficiency_finding(year, parcel_id, tax_per_mu, output_per_mu, reasons)
    select * from low_efficiency_computed(land_reference_year(), $1);
    $$;

-- ------------------------------------------------------------------------------------------------ kept vacant units

-- The units vacant_floor_space finds on the date the land facts are kept for (land_data_version.as_of).
create table vacant_unit_fact (
    floor_space_id  bigint primary key,
    parcel_id       bigint not null
);
create index vacant_unit_fact_parcel_idx on vacant_unit_fact(parcel_id);

-- Floor space nobody occupies on a day: the kept units for the kept date, vacant_floor_space for any other.
create function vacant_units(as_of date) returns setof floor_space
    language sql stable
    as $$
    select fs.* from vacant_unit_fact v join floor_space fs on fs.id = v.floor_space_id
    where $1 = (select d.as_of from land_data_version d)
    union all
    select c.* from vacant_floor_space($1) c where $1 is distinct from (select d.as_of from land_data_version d)
    $$;

-- Recomputes the kept vacant units of some parcels (null: all of them).
create function refresh_vacant_units(parcels bigint[]) returns void
    language sql
    as $$
    delete from vacant_unit_fact v where $1 is null or v.parcel_id = any($1);
    insert into vacant_unit_fact(floor_space_id, parcel_id)
    select fs.id, b.parcel_id from vacant_floor_space(land_as_of()) fs join building b on b.id = fs.building_id
    where $1 is null or b.parcel_id = any($1);
    $$;

-- ------------------------------------------------------------------------------------------------ one refresh

-- V018's refresh keeps its body under a new name; refresh_land_facts now refreshes the parcel facts, the vacant units,
-- then the findings read from the parcel facts (land_facts_flush and refresh_derived_facts call it by name).
alter function refresh_land_facts(bigint[]) rename to refresh_parcel_facts;

create function refresh_land_facts(parcels bigint[]) returns void
    language plpgsql
    as $$
    begin
        if (select as_of from land_data_version) is distinct from land_as_of() then
            parcels := null; -- a new reporting date: every parcel's facts move to it
        end if;
        perform refresh_parcel_facts(parcels);
        perform refresh_vacant_units(parcels);
        perform refresh_low_efficiency(parcels);
    end $$;

-- ------------------------------------------------------------------------------------------------ refresh on change

-- Watches a table for V018's land facts: statement triggers noting the parcels and firms each statement touched
-- (queries over the transition table, as land_facts_note takes them), and a truncate touching everything.
create function land_facts_watch(tbl text, parcels text, firms text) returns void
    language plpgsql
    as $$
    declare
        op text;
    begin
        foreach op in array array['insert', 'update', 'delete'] loop
            execute format('create trigger %I after %s on %I referencing %s for each statement'
                           || ' execute function land_facts_note(%L, %L)',
                           tbl || '_land_facts_' || op, op, tbl,
                           case op when 'insert' then 'new table as new_rows'
                                   when 'delete' then 'old table as old_rows'
                                   else 'new table as new_rows old table as old_rows' end,
                           parcels, firms);
        end loop;
        execute format('create trigger %I after truncate on %I for each statement execute function land_facts_note(%L, %L)',
                       tbl || '_land_facts_truncate', tbl, 'all', 'all');
    end $$;

-- Contracts and their targets now change the findings of their parcel (V018 only gave the map a new version).
drop trigger land_contract_land_version on land_contract;
drop trigger land_obligation_land_version on land_obligation;
select land_facts_watch('land_contract', 'select distinct r.parcel_id from %1$s r', 'select null::bigint where false');
select land_facts_watch('land_obligation',
                        'select distinct c.parcel_id from %1$s r join land_contract c on c.id = r.contract_id',
                        'select null::bigint where false');

-- The kept findings and units are derived: backups leave them out, restores rebuild them (V020). So are the criteria
-- rows: the running platform writes them from its configuration on start, and a restore screens with those.
create or replace function derived_tables() returns setof text
    language sql immutable parallel safe
    as $$ select unnest(array['enterprise_year', 'sei_firm', 'cluster_membership', 'park_fact', 'park_year',
                              'cluster_park', 'cluster_park_year', 'parcel_fact', 'parcel_year_fact', 'building_fact',
                              'land_data_version', 'land_fact_pending', 'low_efficiency_finding',
                              'vacant_unit_fact', 'low_efficiency_criterion']) $$;

-- Fill the kept units for the data already there (the findings follow once the platform has written its criteria).
select refresh_vacant_units(null);
