-- The region an installation serves: the lowest region that contains every park (a town's own installation: the
-- town; a district or a city deployment: the district or the city), with the date its figures are reported as of
-- (land_as_of(), V018: the reporting date stays one rule, and a cheap one — queries use it inline, once per row).
-- Without parks: the first town, as before there were any. One home for "the town" of TownContext and the map's
-- outline.
create function served_region() returns table (id bigint, code varchar, name text, level varchar, as_of_date date)
    language sql stable
    as $$
    with recursive starts as (
        select distinct region_id as id from park
    ), up (start, id, depth) as (
        select s.id, s.id, 0 from starts s
        union all
        select u.start, r.parent_id, u.depth + 1 from up u join region r on r.id = u.id where r.parent_id is not null
    ), common as (
        select u.id, min(u.depth) as depth from up u group by u.id
        having count(distinct u.start) = (select count(*) from starts)
    ), chosen as (
        select c.id from common c order by c.depth, c.id limit 1
    )
    select r.id, r.code, r.name, r.level, land_as_of()
    from region r join chosen c on c.id = r.id
    union all
    select r.id, r.code, r.name, r.level, land_as_of() from (
        select * from region where level = 'TOWN' and not exists (select 1 from park) order by id limit 1) r
    $$;

-- Tenants paying tax outside the town are judged against the parcel's own town (its park's region), not the first
-- town: on a district or city platform every parcel has its own. (V018's version compared with the first town.)
create or replace function parcel_tenancy(as_of date)
    returns table (parcel_id bigint, leased_m2 numeric, leased_outside_m2 numeric, occupants int)
    language sql stable
    as $$
    select o.parcel_id,
           coalesce(sum(o.leased_area_m2) filter (where o.role = 'TENANT'), 0),
           coalesce(sum(o.leased_area_m2) filter (where o.role = 'TENANT' and e.tax_region_code is not null
                    and left(e.tax_region_code, 9) <> left(r.code, 9)), 0),
           cast(count(distinct o.enterprise_id) as int)
    from occupancy_at($1) o
    join enterprise e on e.id = o.enterprise_id
    join parcel pa on pa.id = o.parcel_id
    join park p on p.id = pa.park_id
    join region r on r.id = p.region_id
    group by o.parcel_id
    $$;

-- Parks in several towns: the stored land facts were taken against the first town; take again those of the parcels
-- whose tenants' count changes (a whole refresh of a city's land facts takes minutes).
do $$
declare
    d date;
    changed bigint[] := '{}';
begin
    if (select count(distinct region_id) from park) > 1 then
        for d in select * from land_fact_dates() loop
            changed := changed || array(
                select f.parcel_id from parcel_fact f left join parcel_tenancy(d) t on t.parcel_id = f.parcel_id
                where f.as_of = d and f.leased_outside_m2 is distinct from coalesce(t.leased_outside_m2, 0));
        end loop;
        if cardinality(changed) > 0 then
            perform refresh_land_facts(array(select distinct unnest(changed)));
        end if;
    end if;
end $$;
