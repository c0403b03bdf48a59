-- Evaluation runs in the background, and the snapshot's rules as named functions (one home each).

-- A run is RUNNING while its snapshot and scoring happen in the background, FAILED with its reason if that fails
-- (core.evaluation.RunStatus holds the states and their transitions).
alter table evaluation_run drop constraint evaluation_run_status_check;
alter table evaluation_run add constraint evaluation_run_status_check
    check (status in ('RUNNING', 'FAILED', 'LAND_PUBLICISED', 'SCORED', 'PUBLICISED', 'FINAL', 'SUPERSEDED'));
alter table evaluation_run add column land_days int not null default 0;
alter table evaluation_run add column phase varchar(16);       -- QUEUED, SNAPSHOT, SCORING while RUNNING
alter table evaluation_run add column failure varchar(64);     -- why a FAILED run failed: a message key
alter table evaluation_run add column failure_detail text;     -- and its detail (the error's own text)
alter table evaluation_run add column rated int;               -- enterprises ranked, counted once when scored
update evaluation_run r set rated = (select count(*) from evaluation_result x where x.run_id = r.id
                                                                                 and x.cohort is not null);
-- One run of a scheme and data year at a time, whichever application instance starts it.
create unique index evaluation_run_one_running on evaluation_run(scheme_id, year) where status = 'RUNNING';
-- The ranking page reads one page of stored results in rank order.
create index evaluation_result_rank_idx on evaluation_result(run_id, cohort, rank, enterprise_id);

-- Parcel holders at the end of a year: each parcel's landlord or owner-occupier (the first by role, then id).
create function parcel_holders(year int) returns table (parcel_id bigint, enterprise_id bigint)
    language sql stable parallel safe
    as $$ select distinct on (o.parcel_id) o.parcel_id, o.enterprise_id from occupancy_at(make_date($1, 12, 31)) o
          where o.role in ('LANDLORD', 'OWNER_OCCUPIER') order by o.parcel_id, o.role, o.enterprise_id $$;

-- Parcel units of a year (tenant attribution by parcel): every holder is its own unit (role HOLDER), and every
-- tenant belongs to the unit of the holder of its first parcel (role TENANT). A holder that also rents elsewhere
-- appears in both roles. The snapshot of the parcel modes and the tenants' following results both read this.
create function parcel_units(year int) returns table (enterprise_id bigint, unit_id bigint, role text)
    language sql stable parallel safe
    as $$ select distinct h.enterprise_id, h.enterprise_id, 'HOLDER' from parcel_holders($1) h
          union all
          select * from (select distinct on (o.enterprise_id) o.enterprise_id, h.enterprise_id, 'TENANT'
                         from occupancy_at(make_date($1, 12, 31)) o join parcel_holders($1) h on h.parcel_id = o.parcel_id
                         where o.role = 'TENANT' and o.enterprise_id <> h.enterprise_id
                         order by o.enterprise_id, o.parcel_id) t $$;

-- The evaluation inputs of a year by floor share: every current industrial enterprise with land, its figures for
-- the year and its land in m² — a tenant gets the parcel's area in proportion of the floor area it leases, the holder
-- what is left, so each parcel's area counts once — plus the counts the schemes' adjustments read.
create function evaluation_floor_share_inputs(year int)
    returns table (enterprise_id bigint, above_scale boolean, land_m2 numeric, metrics jsonb)
    language sql stable
    as $$
    with floor as (select parcel_id, sum(floor_area_m2) as fa from building group by parcel_id),
    active as materialized (select * from occupancy_at(make_date($1, 12, 31))),
    tenant as (select o.enterprise_id, o.parcel_id,
                      pa.area_m2 * least(1, coalesce(o.leased_area_m2, 0) / nullif(f.fa, 0)) as land
               from active o join parcel pa on pa.id = o.parcel_id left join floor f on f.parcel_id = o.parcel_id
               where o.role = 'TENANT'),
    let_out as (select parcel_id, sum(land) as land from tenant group by parcel_id),
    holder as (select o.enterprise_id, o.parcel_id, greatest(0, pa.area_m2 - coalesce(l.land, 0)) as land
               from active o join parcel pa on pa.id = o.parcel_id left join let_out l on l.parcel_id = o.parcel_id
               where o.role in ('LANDLORD', 'OWNER_OCCUPIER')),
    land as (select enterprise_id, sum(land) as land from
               (select enterprise_id, land from tenant union all select enterprise_id, land from holder) x
             group by enterprise_id),
    leased as (select o.enterprise_id, sum(o.leased_area_m2) as m2 from active o where o.role = 'TENANT'
               group by o.enterprise_id),
    figures as (select v.enterprise_id, jsonb_object_agg(v.metric, v.value) as metrics from indicator_value v
                where v.period = cast($1 as text) group by v.enterprise_id),
    counts as (select o.landlord_id as enterprise_id, count(*) as tenants,
                      count(*) filter (where not t.above_scale) as tenants_below
               from active o join enterprise t on t.id = o.enterprise_id
               where o.role = 'TENANT' and o.landlord_id is not null group by o.landlord_id),
    titles as (select q.enterprise_id, bool_or(q.type = 'HNTE') as hnte, bool_or(q.type = 'SRDI') as srdi,
                      bool_or(q.type = 'LITTLE_GIANT') as giant
               from qualification q where in_force(q.issued_on, q.expires_on, make_date($1, 12, 31))
               group by q.enterprise_id)
    select e.id, e.above_scale, round(l.land, 2), coalesce(f.metrics, '{}'::jsonb)
           || jsonb_build_object('TENANTS', coalesce(c.tenants, 0), 'TENANTS_BELOW', coalesce(c.tenants_below, 0),
                                 'HNTE', case when t.hnte then 1 else 0 end,
                                 'SRDI', case when t.srdi then 1 else 0 end,
                                 'LITTLE_GIANT', case when t.giant then 1 else 0 end,
                                 'NEW_ENTERPRISE', case when e.registered_on > make_date($1 - 2, 12, 31) then 1 else 0 end,
                                 'LEASED_M2', coalesce(s.m2, 0))
    from enterprise e join land l on l.enterprise_id = e.id left join figures f on f.enterprise_id = e.id
    left join counts c on c.enterprise_id = e.id left join titles t on t.enterprise_id = e.id
    left join leased s on s.enterprise_id = e.id
    where l.land > 0 and e.status = 'ACTIVE' and is_industrial(e.industry_code)
    $$;

-- The evaluation inputs of a year by parcel units: each holder is evaluated on its parcels' whole land; with
-- aggregate its figures are the sum of its own and its tenants' (遂昌: 合并计算、共享结果), otherwise its own only
-- (江山: 承租企业随宗地主等级).
create function evaluation_parcel_unit_inputs(year int, aggregate boolean)
    returns table (enterprise_id bigint, above_scale boolean, land_m2 numeric, metrics jsonb)
    language sql stable
    as $$
    with units as materialized (select * from parcel_units($1)),
    members as (select u.unit_id as unit, u.enterprise_id as member from units u where u.role = 'HOLDER' or $2),
    land as (select h.enterprise_id, sum(pa.area_m2) as land from parcel_holders($1) h
             join parcel pa on pa.id = h.parcel_id group by h.enterprise_id),
    sums as (select m.unit, v.metric, sum(v.value) as value from members m
             join indicator_value v on v.enterprise_id = m.member and v.period = cast($1 as text)
             group by m.unit, v.metric),
    figures as (select unit, jsonb_object_agg(metric, value) as metrics from sums group by unit)
    select e.id, e.above_scale, round(l.land, 2), coalesce(f.metrics, '{}'::jsonb)
    from enterprise e join land l on l.enterprise_id = e.id left join figures f on f.unit = e.id
    where l.land > 0 and e.status = 'ACTIVE' and is_industrial(e.industry_code)
    $$;
