-- Stored facts: the yearly figures per enterprise, park and cluster that pages add up, kept in step with what they are
-- derived from inside the same transaction, instead of being recomputed from raw rows on every request.
--
-- Each fact has one definition, a function "<fact>_of(keys)" that computes it for the given keys; refreshing a fact
-- deletes its rows for the keys and inserts what the function returns, and the from-scratch computation is the same
-- function over every key (FactsRecomputeIT compares the two after every kind of change).
--
--   indicator_value ──(statement triggers)──▶ enterprise_year ─┐
--   enterprise ──────(statement triggers)──▶ sei_firm,          ├──▶ park_fact, park_year, cluster_park, cluster_park_year
--   cluster_member ──(statement triggers)──▶ cluster_membership ┘
--   chain links, overrides, nodes, cluster rules: refresh_firm_standing(…) called by the chain service that changes them
--
-- Keys are arrays (an enterprise's id, a park key, a year); the park key of an enterprise without a park is 0.

-- ── rules ───────────────────────────────────────────────────────────────────────────────────────────────────────────

-- A link that is capacity on its node: auto or confirmed, as producer or service provider, or as seller on a node
-- flagged as a sales node (chains.md §10.6). A user of the chain's products is never capacity.
create function is_capacity(link_status varchar, link_role varchar, seller_node boolean) returns boolean
    language sql immutable parallel safe
    as $$ select $1 in ('AUTO', 'CONFIRMED') and ($2 in ('PRODUCER', 'SERVICE') or ($2 = 'SELLER' and $3)) $$;

-- Capacity links off demand nodes: what places a firm on a chain for chain totals, clusters and SEI.
create view chain_capacity as
select l.enterprise_id, l.node_id, n.chain_id, n.sei_codes as node_sei_codes
from chain_link_effective l
join chain_node n on n.id = l.node_id
where not n.demand_node and is_capacity(l.status, l.role, n.seller_node);

-- The park key of an enterprise: its park, or 0 when it has none (park ids start at 1).
create function park_key(park_id bigint) returns bigint
    language sql immutable parallel safe
    as $$ select coalesce($1, 0) $$;

-- ── per enterprise ─────────────────────────────────────────────────────────────────────────────────────────────────

-- The yearly figures (period 'YYYY') of an enterprise, one column per metric the pages read.
create table enterprise_year (
    enterprise_id   bigint not null,
    year            int not null,
    revenue         numeric(20,4),
    tax             numeric(20,4),
    output          numeric(20,4),
    value_added     numeric(20,4),
    goods_sales     numeric(20,4),
    rd              numeric(20,4),
    staff           numeric(20,4),
    energy          numeric(20,4),
    electricity     numeric(20,4),
    emissions       numeric(20,4),
    primary key (enterprise_id, year)
);
create index enterprise_year_year_idx on enterprise_year(year);

create function enterprise_year_of(ids bigint[], years int[]) returns setof enterprise_year
    language sql stable
    as $$
    select v.enterprise_id, cast(v.period as int),
           sum(v.value) filter (where v.metric = 'REVENUE'),
           sum(v.value) filter (where v.metric = 'TAX'),
           sum(v.value) filter (where v.metric = 'OUTPUT'),
           sum(v.value) filter (where v.metric = 'VALUE_ADDED'),
           sum(v.value) filter (where v.metric = 'GOODS_SALES'),
           sum(v.value) filter (where v.metric = 'RD'),
           sum(v.value) filter (where v.metric = 'STAFF'),
           sum(v.value) filter (where v.metric = 'ENERGY'),
           sum(v.value) filter (where v.metric = 'ELECTRICITY'),
           sum(v.value) filter (where v.metric = 'EMISSIONS')
    from indicator_value v
    where v.enterprise_id in (select unnest(ids)) and length(v.period) = 4 and (years is null or v.period = any(cast(years as text[])))
    group by v.enterprise_id, v.period
    $$;

-- Strategic-emerging (SEI) firms: current firms with an SEI code of their own, or capacity on a node carrying SEI
-- categories.
create table sei_firm (enterprise_id bigint primary key);

create function sei_firm_of(ids bigint[]) returns table (enterprise_id bigint)
    language sql stable
    as $$
    select e.id from enterprise e
    where e.id in (select unnest(ids)) and is_current_firm(e.status)
      and (cardinality(e.sei_codes) > 0
           or e.id in (select c.enterprise_id from chain_capacity c where cardinality(c.node_sei_codes) > 0))
    $$;

-- Cluster membership, derived: the registered list, plus capacity on one of the cluster's chains, plus an SEI code under
-- one of its categories; current firms only.
create table cluster_membership (
    cluster_id      bigint not null,
    enterprise_id   bigint not null,
    primary key (cluster_id, enterprise_id)
);
create index cluster_membership_enterprise_idx on cluster_membership(enterprise_id);

create function cluster_membership_of(ids bigint[]) returns setof cluster_membership
    language sql stable
    as $$
    select x.cluster_id, x.enterprise_id from (
        select m.cluster_id, m.enterprise_id from cluster_member m where m.enterprise_id in (select unnest(ids))
        union
        select r.cluster_id, c.enterprise_id from cluster_rule r join chain_capacity c on c.chain_id = r.chain_id
        where c.enterprise_id in (select unnest(ids))
        union
        select r.cluster_id, e.id from cluster_rule r join enterprise e
            on r.sei_prefix is not null
           and exists (select 1 from unnest(e.sei_codes) s where s = r.sei_prefix or s like r.sei_prefix || '.%')
        where e.id in (select unnest(ids))
    ) x
    join enterprise e on e.id = x.enterprise_id
    where is_current_firm(e.status)
    $$;

-- ── per park ───────────────────────────────────────────────────────────────────────────────────────────────────────

-- Current firms per park (park_id null: firms without a park).
create table park_fact (
    park_id         bigint,
    current_firms   bigint not null,
    unique nulls not distinct (park_id)
);

create function park_fact_of(park_keys bigint[]) returns setof park_fact
    language sql stable
    as $$
    select e.park_id, count(*) filter (where is_current_firm(e.status))
    from enterprise e where park_key(e.park_id) = any(park_keys)
    group by e.park_id
    $$;

-- A park's figures in a year: tax, revenue and goods sales of its enterprises; output of its 规上 industrial current
-- firms, and of those that are SEI firms; revenue of its cluster members (each firm once).
create table park_year (
    park_id             bigint,
    year                int not null,
    tax                 numeric(24,4) not null,
    revenue             numeric(24,4) not null,
    goods_sales         numeric(24,4) not null,
    industrial_output   numeric(24,4) not null,
    sei_output          numeric(24,4) not null,
    cluster_revenue     numeric(24,4) not null,
    unique nulls not distinct (park_id, year)
);
create index park_year_year_idx on park_year(year);

create function park_year_of(park_keys bigint[], years int[]) returns setof park_year
    language sql stable
    as $$
    select e.park_id, y.year,
           coalesce(sum(y.tax), 0), coalesce(sum(y.revenue), 0), coalesce(sum(y.goods_sales), 0),
           coalesce(sum(y.output) filter (where i.industrial), 0),
           coalesce(sum(y.output) filter (where i.industrial and s.enterprise_id is not null), 0),
           coalesce(sum(y.revenue) filter (where exists (select 1 from cluster_membership m
                    where m.enterprise_id = e.id)), 0)
    from enterprise e
    join enterprise_year y on y.enterprise_id = e.id
    cross join lateral (select e.above_scale and is_industrial(e.industry_code) and is_current_firm(e.status)
                        as industrial) i
    left join sei_firm s on s.enterprise_id = e.id
    where park_key(e.park_id) = any(park_keys) and (years is null or y.year = any(years))
    group by e.park_id, y.year
    $$;

-- Members of each cluster per park.
create table cluster_park (
    cluster_id      bigint not null,
    park_id         bigint,
    members         bigint not null,
    unique nulls not distinct (cluster_id, park_id)
);

create function cluster_park_of(park_keys bigint[]) returns setof cluster_park
    language sql stable
    as $$
    select m.cluster_id, e.park_id, count(*)
    from cluster_membership m join enterprise e on e.id = m.enterprise_id
    where park_key(e.park_id) = any(park_keys)
    group by m.cluster_id, e.park_id
    $$;

-- Revenue and output of each cluster's members per park and year.
create table cluster_park_year (
    cluster_id      bigint not null,
    park_id         bigint,
    year            int not null,
    revenue         numeric(24,4) not null,
    output          numeric(24,4) not null,
    unique nulls not distinct (cluster_id, park_id, year)
);
create index cluster_park_year_year_idx on cluster_park_year(year);

create function cluster_park_year_of(park_keys bigint[], years int[]) returns setof cluster_park_year
    language sql stable
    as $$
    select m.cluster_id, e.park_id, y.year, coalesce(sum(y.revenue), 0), coalesce(sum(y.output), 0)
    from cluster_membership m
    join enterprise e on e.id = m.enterprise_id
    join enterprise_year y on y.enterprise_id = m.enterprise_id
    where park_key(e.park_id) = any(park_keys) and (years is null or y.year = any(years))
    group by m.cluster_id, e.park_id, y.year
    $$;

-- ── refresh ────────────────────────────────────────────────────────────────────────────────────────────────────────

-- Writers of stored facts take turns (until their transaction ends): two edits in one park would otherwise both delete
-- its row and both insert a new one. Each refresh statement after the lock sees what the previous writer committed.
-- Readers never wait.
create function lock_stored_facts() returns void
    language sql
    as $$ select pg_advisory_xact_lock(hashtext('parkscope.stored_facts')) $$;

-- Park facts of the given park keys; years null = every year, and then the year-independent counts too.
create function refresh_park_facts(park_keys bigint[], years int[]) returns void
    language sql
    as $$
    delete from park_year f where park_key(f.park_id) = any(park_keys) and (years is null or f.year = any(years));
    insert into park_year select * from park_year_of(park_keys, years);
    delete from cluster_park_year f
        where park_key(f.park_id) = any(park_keys) and (years is null or f.year = any(years));
    insert into cluster_park_year select * from cluster_park_year_of(park_keys, years);
    delete from park_fact f where years is null and park_key(f.park_id) = any(park_keys);
    insert into park_fact select * from park_fact_of(park_keys) where years is null;
    delete from cluster_park f where years is null and park_key(f.park_id) = any(park_keys);
    insert into cluster_park select * from cluster_park_of(park_keys) where years is null;
    $$;

-- The park keys of some enterprises (as they are now).
create function park_keys_of(ids bigint[]) returns bigint[]
    language sql stable
    as $$ select coalesce(array_agg(distinct park_key(e.park_id)), '{}') from enterprise e where e.id in (select unnest(ids)) $$;

-- Figures of some enterprises in some years (null = every year), and the park facts they add up to.
create function refresh_enterprise_year(ids bigint[], years int[]) returns void
    language sql
    as $$
    select lock_stored_facts() where cardinality(ids) > 0;
    delete from enterprise_year f where f.enterprise_id in (select unnest(ids)) and (years is null or f.year = any(years));
    insert into enterprise_year select * from enterprise_year_of(ids, years);
    select refresh_park_facts(park_keys_of(ids), years);
    $$;

-- What follows from an enterprise's registration, links and clusters (SEI, cluster membership), and the park facts it
-- adds up to, in its park and in the parks of extra_park_keys (where it was before a move). ids null = every enterprise.
create function refresh_firm_standing(ids bigint[], extra_park_keys bigint[]) returns void
    language plpgsql
    as $$
    declare
        keys bigint[];
    begin
        perform lock_stored_facts();
        keys := coalesce(ids, array(select id from enterprise));
        if ids is null then
            delete from sei_firm;
            delete from cluster_membership;
        else
            delete from sei_firm f using unnest(keys) k(id) where f.enterprise_id = k.id;
            delete from cluster_membership f using unnest(keys) k(id) where f.enterprise_id = k.id;
        end if;
        insert into sei_firm select * from sei_firm_of(keys);
        insert into cluster_membership select * from cluster_membership_of(keys);
        perform refresh_park_facts(case when ids is null then array(select id from park union select 0)
                                        else array(select distinct unnest(park_keys_of(keys) || extra_park_keys)) end,
                                   null);
    end $$;

-- Every stored fact from scratch (the migration's first fill, or a repair).
create function refresh_all_facts() returns void
    language plpgsql
    as $$
    begin
        delete from enterprise_year;
        insert into enterprise_year select * from enterprise_year_of(array(select id from enterprise), null);
        perform refresh_firm_standing(null, null);
    end $$;

-- ── triggers (statement level, transition tables: an import writes a million rows in one statement) ───────────────

create function indicator_value_changed() returns trigger
    language plpgsql
    as $$
    declare
        ids bigint[];
        years int[];
    begin
        if tg_op <> 'DELETE' then
            select array_agg(r.enterprise_id), array_agg(cast(r.period as int)) into ids, years
            from new_rows r where length(r.period) = 4;
        end if;
        if tg_op <> 'INSERT' then
            select ids || array_agg(r.enterprise_id), years || array_agg(cast(r.period as int)) into ids, years
            from old_rows r where length(r.period) = 4;
        end if;
        perform refresh_enterprise_year(ids, array(select distinct unnest(years)));
        return null;
    end $$;

-- An enterprise added, removed, or changed in what facts read (park, status, class, size, SEI codes).
create function enterprise_changed() returns trigger
    language plpgsql
    as $$
    declare
        ids bigint[];
        old_parks bigint[];
    begin
        if tg_op = 'INSERT' then
            select array_agg(r.id) into ids from new_rows r;
        elsif tg_op = 'DELETE' then
            select array_agg(r.id), array_agg(distinct park_key(r.park_id)) into ids, old_parks from old_rows r;
        else
            select array_agg(n.id), array_agg(distinct park_key(o.park_id)) into ids, old_parks
            from new_rows n join old_rows o on o.id = n.id
            where (n.park_id, n.status, n.above_scale, n.industry_code, n.sei_codes)
                  is distinct from (o.park_id, o.status, o.above_scale, o.industry_code, o.sei_codes);
        end if;
        if ids is not null then
            perform refresh_firm_standing(ids, old_parks);
        end if;
        return null;
    end $$;

-- The registered cluster lists.
create function cluster_member_changed() returns trigger
    language plpgsql
    as $$
    declare
        ids bigint[];
    begin
        if tg_op <> 'DELETE' then
            ids := array(select r.enterprise_id from new_rows r);
        end if;
        if tg_op <> 'INSERT' then
            ids := ids || array(select r.enterprise_id from old_rows r);
        end if;
        perform refresh_firm_standing(array(select distinct unnest(ids)), null);
        return null;
    end $$;

-- Each source table gets the three statement triggers (one per event: a trigger with transition tables fires on one).
do $$
declare
    t record;
begin
    for t in select * from (values ('indicator_value', 'indicator_value_changed'), ('enterprise', 'enterprise_changed'),
                                   ('cluster_member', 'cluster_member_changed')) v(tab, fn) loop
        execute format('create trigger %1$s_inserted after insert on %1$I referencing new table as new_rows'
                       ' for each statement execute function %2$I()', t.tab, t.fn);
        execute format('create trigger %1$s_updated after update on %1$I referencing new table as new_rows'
                       ' old table as old_rows for each statement execute function %2$I()', t.tab, t.fn);
        execute format('create trigger %1$s_deleted after delete on %1$I referencing old table as old_rows'
                       ' for each statement execute function %2$I()', t.tab, t.fn);
    end loop;
end $$;

select refresh_all_facts();
