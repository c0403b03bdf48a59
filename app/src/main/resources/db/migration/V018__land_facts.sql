-- Land and space: the rules the land pages share, as named functions (one home each), and the facts they aggregate,
-- kept in tables refreshed in the same transaction as the change (LandFactsIT proves stored = from scratch).

-- ------------------------------------------------------------------------------------------------ named rules

-- The date the town's figures are reported as of (TownContext#asOf): the town's reporting date, or today.
create function land_as_of() returns date
    language sql stable
    as $$ select coalesce((select as_of_date from region where level = 'TOWN' order by id limit 1), current_date) $$;

-- The dates parcel facts are kept for: the reporting date (map, parcel page, space) and the end of the year before
-- it (the year the low-efficiency screening assesses, its occupants taken at year end).
create function land_fact_dates() returns setof date
    language sql stable
    as $$ select land_as_of() union select make_date(cast(extract(year from land_as_of()) as int) - 1, 12, 31) $$;

-- Floor space nobody occupies on a day: no occupancy in force names the unit, no tenant is recorded on its building
-- without a unit, and the parcel's owner does not use the parcel itself. Three anti-joins (each can be hashed).
create function vacant_floor_space(as_of date) returns setof floor_space
    language sql stable
    as $$
    select fs.* from floor_space fs join building b on b.id = fs.building_id
    where not exists (select 1 from occupancy_at($1) o where o.floor_space_id = fs.id)
      and not exists (select 1 from occupancy_at($1) o where o.floor_space_id is null and o.building_id = fs.building_id)
      and not exists (select 1 from occupancy_at($1) o where o.role = 'OWNER_OCCUPIER' and o.parcel_id = b.parcel_id)
    $$;

-- Per parcel on a day: the area its tenants lease, the part leased by tenants paying tax outside the town, and how
-- many distinct enterprises occupy it.
create function parcel_tenancy(as_of date)
    returns table (parcel_id bigint, leased_m2 numeric, leased_outside_m2 numeric, occupants int)
    language sql stable
    as $$
    select o.parcel_id,
           coalesce(sum(o.leased_area_m2) filter (where o.role = 'TENANT'), 0),
           coalesce(sum(o.leased_area_m2) filter (where o.role = 'TENANT' and e.tax_region_code is not null
                    and t.code is not null and left(e.tax_region_code, 9) <> left(t.code, 9)), 0),
           cast(count(distinct o.enterprise_id) as int)
    from occupancy_at($1) o
    join enterprise e on e.id = o.enterprise_id
    left join (select code from region where level = 'TOWN' order by id limit 1) t on true
    group by o.parcel_id
    $$;

-- Attribution of each enterprise to the parcels it occupies in a year: its share is the area it occupies there (the
-- leased area for a tenant, the parcel's area for a holder or landlord) over all it occupies that year; equal shares
-- where it occupies no area. {@code enterprises} null: every enterprise.
create function site_attribution(from_year int, to_year int, enterprises bigint[])
    returns table (enterprise_id bigint, parcel_id bigint, year int, weight numeric)
    language sql stable
    as $$
    with eo as (
        select o.enterprise_id, o.parcel_id, y.year,
               sum(case when o.role = 'TENANT' then coalesce(o.leased_area_m2, 0) else pa.area_m2 end) as area
        from occupancy o join parcel pa on pa.id = o.parcel_id
        cross join generate_series($1, $2) as y(year)
        where in_force_during(o.valid_from, o.valid_to, y.year)
          and ($3 is null or o.enterprise_id = any($3))
        group by o.enterprise_id, o.parcel_id, y.year
    )
    select eo.enterprise_id, eo.parcel_id, eo.year,
           coalesce(eo.area / nullif(sum(eo.area) over (partition by eo.enterprise_id, eo.year), 0),
                    1.0 / count(*) over (partition by eo.enterprise_id, eo.year))
    from eo
    $$;

-- A parcel's figures in each year: its occupants' TAX, REVENUE, OUTPUT and GOODS_SALES, each attributed by
-- site_attribution (so adding parcels up never counts a tax twice); activity = output, or revenue where a firm has no
-- output. Only years in which an occupant has one of these figures appear. {@code parcels} null: every parcel.
create function parcel_site_years(from_year int, to_year int, parcels bigint[])
    returns table (parcel_id bigint, year int, occupants int, tax numeric, revenue numeric, output numeric,
                   sales numeric, activity numeric)
    language sql stable
    as $$
    select w.parcel_id, w.year, cast(count(*) as int),
           coalesce(sum(w.weight * f.tax), 0), coalesce(sum(w.weight * f.revenue), 0),
           coalesce(sum(w.weight * f.output), 0), coalesce(sum(w.weight * f.sales), 0),
           coalesce(sum(w.weight * coalesce(f.output, f.revenue)), 0)
    from site_attribution($1, $2, case when $3 is null then null
                                       else array(select distinct o.enterprise_id from occupancy o
                                                  where o.parcel_id = any($3)) end) w
    left join lateral (
        select count(*) > 0 as has,
               sum(v.value) filter (where v.metric = 'TAX') as tax,
               sum(v.value) filter (where v.metric = 'REVENUE') as revenue,
               sum(v.value) filter (where v.metric = 'OUTPUT') as output,
               sum(v.value) filter (where v.metric = 'GOODS_SALES') as sales
        from indicator_value v
        where v.enterprise_id = w.enterprise_id and v.period = cast(w.year as text)
          and v.metric in ('TAX', 'REVENUE', 'OUTPUT', 'GOODS_SALES')
    ) f on true
    where $3 is null or w.parcel_id = any($3)
    group by w.parcel_id, w.year
    having bool_or(f.has)
    $$;

-- The first and last year with a yearly TAX, REVENUE, OUTPUT or GOODS_SALES figure (null, null when none).
create function land_figure_years(out first_year int, out last_year int)
    language sql stable
    as $$
    select min(cast(p.lo as int)), max(cast(p.hi as int))
    from unnest(array['TAX', 'REVENUE', 'OUTPUT', 'GOODS_SALES']) m(metric)
    cross join lateral (select min(v.period) as lo, max(v.period) as hi from indicator_value v
                        where v.metric = m.metric and length(v.period) = 4) p
    $$;

-- Every parcel's facts on a day, computed from scratch: floor area of its buildings, leased, leased by tenants paying
-- tax outside the town, occupants, vacant floor space and vacant units.
create function parcel_facts_computed(as_of date)
    returns table (parcel_id bigint, floor_area_m2 numeric, leased_m2 numeric, leased_outside_m2 numeric,
                   occupants int, vacant_m2 numeric, vacant_units int)
    language sql stable
    as $$
    select pa.id, coalesce(b.floor_area, 0), coalesce(t.leased_m2, 0), coalesce(t.leased_outside_m2, 0),
           coalesce(t.occupants, 0), coalesce(v.m2, 0), coalesce(v.units, 0)
    from parcel pa
    left join (select parcel_id, sum(floor_area_m2) as floor_area from building group by parcel_id) b
           on b.parcel_id = pa.id
    left join parcel_tenancy($1) t on t.parcel_id = pa.id
    left join (select b.parcel_id, sum(fs.area_m2) as m2, cast(count(*) as int) as units
               from vacant_floor_space($1) fs join building b on b.id = fs.building_id
               group by b.parcel_id) v on v.parcel_id = pa.id
    $$;

-- ------------------------------------------------------------------------------------------------ kept facts

create table parcel_fact (
    parcel_id          bigint not null,
    as_of              date not null,
    floor_area_m2      numeric not null,
    leased_m2          numeric not null,
    leased_outside_m2  numeric not null,
    occupants          int not null,
    vacant_m2          numeric not null,
    vacant_units       int not null,
    primary key (as_of, parcel_id)
);
create index parcel_fact_parcel_idx on parcel_fact(parcel_id);

create table parcel_year_fact (
    parcel_id  bigint not null,
    year       int not null,
    occupants  int not null,
    tax        numeric not null,
    revenue    numeric not null,
    output     numeric not null,
    sales      numeric not null,
    activity   numeric not null,
    primary key (parcel_id, year)
);
create index parcel_year_fact_year_idx on parcel_year_fact(year);

-- Vacant floor area per building on the reporting date (the map's building layer).
create table building_fact (
    building_id  bigint primary key,
    parcel_id    bigint not null,
    vacant_m2    numeric not null
);
create index building_fact_parcel_idx on building_fact(parcel_id);

-- The land data's version: changes, at commit, with every change to what the land pages and the map show (ETag).
-- as_of: the reporting date the facts were last fully refreshed for (a new day refreshes them; LandFacts).
create table land_data_version (
    id          int primary key default 1 check (id = 1),
    version     bigint not null,
    as_of       date,
    changed_at  timestamptz not null default now()
);
insert into land_data_version(version) values (1);

-- Parcel facts on a day: the kept ones for a kept date, computed from scratch for any other.
create function parcel_facts(as_of date)
    returns table (parcel_id bigint, floor_area_m2 numeric, leased_m2 numeric, leased_outside_m2 numeric,
                   occupants int, vacant_m2 numeric, vacant_units int)
    language sql stable
    as $$
    select f.parcel_id, f.floor_area_m2, f.leased_m2, f.leased_outside_m2, f.occupants, f.vacant_m2, f.vacant_units
    from parcel_fact f where f.as_of = $1
    union all
    select c.* from parcel_facts_computed($1) c
    where not exists (select 1 from parcel_fact k where k.as_of = $1)
    $$;

-- Recomputes the kept facts of some parcels (null: all of them, and the reporting date they are kept for).
create function refresh_land_facts(parcels bigint[]) returns void
    language plpgsql
    as $$
    declare
        d date;
        years record;
    begin
        if (select as_of from land_data_version) is distinct from land_as_of() then
            parcels := null; -- a new reporting date: every parcel's facts move to it
        end if;
        if parcels is null then
            delete from parcel_fact;
            delete from building_fact;
            delete from parcel_year_fact;
            update land_data_version set as_of = land_as_of();
        else
            delete from parcel_fact where parcel_id = any(parcels);
            delete from building_fact where parcel_id = any(parcels);
            delete from parcel_year_fact where parcel_id = any(parcels);
        end if;
        for d in select * from land_fact_dates() loop
            insert into parcel_fact(parcel_id, as_of, floor_area_m2, leased_m2, leased_outside_m2, occupants, vacant_m2,
                                    vacant_units)
            select c.parcel_id, d, c.floor_area_m2, c.leased_m2, c.leased_outside_m2, c.occupants, c.vacant_m2,
                   c.vacant_units
            from parcel_facts_computed(d) c where parcels is null or c.parcel_id = any(parcels);
        end loop;
        insert into building_fact(building_id, parcel_id, vacant_m2)
        select b.id, b.parcel_id, coalesce(v.m2, 0)
        from building b
        left join (select fs.building_id, sum(fs.area_m2) as m2 from vacant_floor_space(land_as_of()) fs
                   group by fs.building_id) v on v.building_id = b.id
        where parcels is null or b.parcel_id = any(parcels);
        select * into years from land_figure_years();
        if years.first_year is not null then
            insert into parcel_year_fact(parcel_id, year, occupants, tax, revenue, output, sales, activity)
            select * from parcel_site_years(years.first_year, years.last_year, parcels);
        end if;
    end $$;

-- ------------------------------------------------------------------------------------------------ refresh on change

-- What a transaction changed, noted per statement and worked off once at commit (a deferred trigger), so a bulk
-- import or a batch of single-row statements refreshes each touched parcel once. parcels null: everything;
-- enterprises: firms whose parcels (all of them: attribution spreads a firm over its parcels) need refreshing.
create table land_fact_pending (
    id           bigserial primary key,
    parcels      bigint[],
    enterprises  bigint[] not null default '{}'
);

-- Works the pending changes off: the touched parcels, the parcels of the touched firms and of every firm occupying a
-- touched parcel, then a new version. Callable directly (select land_facts_flush()) to read fresh facts before commit.
create function land_facts_flush() returns void
    language plpgsql
    as $$
    declare
        everything boolean;
        p bigint[];
        e bigint[];
    begin
        if not exists (select 1 from land_fact_pending) then
            return;
        end if;
        select bool_or(parcels is null),
               array(select distinct x from land_fact_pending, unnest(parcels) x),
               array(select distinct x from land_fact_pending, unnest(enterprises) x)
          into everything, p, e from land_fact_pending;
        delete from land_fact_pending;
        if everything then
            perform refresh_land_facts(null);
        else
            e := e || array(select distinct o.enterprise_id from occupancy o where o.parcel_id = any(p));
            p := array(select distinct x from (select unnest(p) x union
                       select o.parcel_id from occupancy o where o.enterprise_id = any(e)) u);
            if cardinality(p) > 0 then
                perform refresh_land_facts(p);
            end if;
        end if;
        update land_data_version set version = version + 1, changed_at = now();
    end $$;

-- A change no statement trigger sees (the reporting date moving on with the calendar): a new version at commit.
create function land_facts_touch_all() returns void
    language sql
    as $$ insert into land_fact_pending(parcels) values ('{}') $$;

create function land_facts_flush_trigger() returns trigger
    language plpgsql
    as $$ begin perform land_facts_flush(); return null; end $$;

-- Row-level, but on this small bookkeeping table only (one row per changing statement), deferred to commit.
create constraint trigger land_fact_pending_flush after insert on land_fact_pending
    deferrable initially deferred for each row execute function land_facts_flush_trigger();

-- Statement-level: notes the parcels and firms a statement touched. TG_ARGV[0] and [1] are queries over the
-- transition table (%1$s) naming touched parcels and firms; a TRUNCATE (or an argument 'all') touches everything.
create function land_facts_note() returns trigger
    language plpgsql
    as $$
    declare
        p bigint[] := '{}';
        e bigint[] := '{}';
    begin
        if TG_ARGV[0] = 'none' then
            insert into land_fact_pending(parcels) values ('{}');
            return null;
        end if;
        if TG_OP = 'TRUNCATE' or TG_ARGV[0] = 'all' then
            insert into land_fact_pending(parcels) values (null);
            return null;
        end if;
        if TG_OP in ('INSERT', 'UPDATE') then
            execute format('select array(' || TG_ARGV[0] || '), array(' || TG_ARGV[1] || ')', 'new_rows') into p, e;
        end if;
        if TG_OP in ('DELETE', 'UPDATE') then
            execute format('select $1 || array(' || TG_ARGV[0] || '), $2 || array(' || TG_ARGV[1] || ')', 'old_rows')
                using p, e into p, e;
        end if;
        if cardinality(p) > 0 or cardinality(e) > 0 then
            insert into land_fact_pending(parcels, enterprises) values (p, e);
        end if;
        return null;
    end $$;

do $$
declare
    t record;
    op text;
begin
    for t in select * from (values
        ('occupancy', 'select distinct r.parcel_id from %1$s r', 'select distinct r.enterprise_id from %1$s r'),
        ('floor_space', 'select distinct b.parcel_id from %1$s r join building b on b.id = r.building_id',
                        'select null::bigint where false'),
        ('building', 'select distinct r.parcel_id from %1$s r', 'select null::bigint where false'),
        ('parcel', 'select distinct r.id from %1$s r', 'select null::bigint where false'),
        ('enterprise', 'select null::bigint where false', 'select distinct r.id from %1$s r'),
        ('indicator_value', 'select null::bigint where false',
         'select distinct r.enterprise_id from %1$s r where length(r.period) = 4'
         || ' and r.metric in (''TAX'', ''REVENUE'', ''OUTPUT'', ''GOODS_SALES'')')
    ) as v(tbl, parcels, firms) loop
        foreach op in array array['insert', 'update', 'delete'] loop
            execute format('create trigger %I after %s on %I referencing %s for each statement'
                           || ' execute function land_facts_note(%L, %L)',
                           t.tbl || '_land_facts_' || op, op, t.tbl,
                           case op when 'insert' then 'new table as new_rows'
                                   when 'delete' then 'old table as old_rows'
                                   else 'new table as new_rows old table as old_rows' end,
                           t.parcels, t.firms);
        end loop;
        execute format('create trigger %I after truncate on %I for each statement execute function land_facts_note(%L, %L)',
                       t.tbl || '_land_facts_truncate', t.tbl, 'all', 'all');
    end loop;
    -- The reporting date and the town's code change every fact.
    execute 'create trigger region_land_facts after insert or update or delete or truncate on region'
            || ' for each statement execute function land_facts_note(''all'', ''all'')';
    -- What else the map shows (parks, evaluation classes, contract targets of the screening): a new version only.
    foreach op in array array['park', 'evaluation_run', 'evaluation_result', 'land_contract', 'land_obligation'] loop
        execute format('create trigger %I after insert or update or delete or truncate on %I for each statement'
                       || ' execute function land_facts_note(%L, %L)', op || '_land_version', op, 'none', 'none');
    end loop;
end $$;

select refresh_land_facts(null);
