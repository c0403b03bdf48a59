-- Stored chain facts: what the chain pages read per chain, node, park and year, kept in step with the links, decisions,
-- nodes, enterprises and figures they come from (the pattern of V017: one "<fact>_of(keys)" function per fact, refreshed
-- by deleting the keys' rows and inserting what the function returns, in the transaction of the change).
--
--   chain_link, chain_link_override, chain_node ──(refresh_firm_standing, called by the chain services)──▶ chain_firm
--   chain_firm + enterprise ───────────▶ chain_node_park, chain_park   (per node or chain and park: counts)
--   chain_firm + enterprise_year ──────▶ chain_park_year               (per node or chain, park and year: figures)
--
-- The per-park facts are refreshed with the other park facts (refresh_park_facts), so an import, its roll-back, a
-- figure or enterprise edit, a decision, a recomputation or a cluster definition refreshes them too. A scope of parks
-- adds the parks' rows up (a firm is in one park); the gap flags, 招商 priority and 链主 ranking are computed from the
-- sums in Java (core GapAnalysis, LeaderScoring), their one home.

-- ── per link ───────────────────────────────────────────────────────────────────────────────────────────────────────

-- A firm on a node as it counts (chain_link_effective: a decision wins), with the node's chain and whether the link is
-- capacity on the node (is_capacity) and on the chain (capacity off demand nodes). Rejected links are kept: the node's
-- firm list shows them.
create table chain_firm (
    enterprise_id   bigint not null,
    node_id         varchar(24) not null,
    chain_id        varchar(8) not null,
    status          varchar(12) not null,
    role            varchar(12) not null,
    score           numeric(4,3),
    capacity        boolean not null,
    chain_capacity  boolean not null,
    primary key (node_id, enterprise_id)
);
create index chain_firm_enterprise_idx on chain_firm(enterprise_id);
create index chain_firm_chain_idx on chain_firm(chain_id);
create index chain_firm_candidate_idx on chain_firm(score desc, enterprise_id, node_id) where status = 'CANDIDATE';

create function chain_firm_of(ids bigint[]) returns setof chain_firm
    language sql stable
    as $$
    select l.enterprise_id, l.node_id, n.chain_id, l.status, l.role, l.score,
           is_capacity(l.status, l.role, n.seller_node),
           not n.demand_node and is_capacity(l.status, l.role, n.seller_node)
    from chain_link_effective l join chain_node n on n.id = l.node_id
    where ids is null or l.enterprise_id in (select unnest(ids))
    $$;

-- Capacity links off demand nodes (V017's view), now read from the stored links: the rule is chain_firm_of's.
create or replace view chain_capacity as
select f.enterprise_id, f.node_id, f.chain_id, n.sei_codes as node_sei_codes
from chain_firm f join chain_node n on n.id = f.node_id
where f.chain_capacity;

-- ── per node, chain and park ───────────────────────────────────────────────────────────────────────────────────────

-- The stored links of the current firms in some parks (ids null = every firm there; a list = those firms only, for an
-- enterprise's own scope, computed when read), with what the per-park facts count by.
create function chain_firm_in(park_keys bigint[], ids bigint[])
    returns table (enterprise_id bigint, node_id varchar, chain_id varchar, status varchar, capacity boolean,
                   chain_capacity boolean, park_id bigint, above_scale boolean, small_or_micro boolean)
    language sql stable
    as $$
    select f.enterprise_id, f.node_id, f.chain_id, f.status, f.capacity, f.chain_capacity, e.park_id, e.above_scale,
           e.size_class in ('SMALL', 'MICRO') or e.size_class is null
    from chain_firm f join enterprise e on e.id = f.enterprise_id
    where is_current_firm(e.status) and park_key(e.park_id) = any(park_keys) and (ids is null or e.id = any(ids))
    $$;

-- Current firms that are capacity on a node, how many of them are 规上 and how many 小微 (or of unknown size), and the
-- current firms whose link waits for review (candidates).
create table chain_node_park (
    node_id         varchar(24) not null,
    park_id         bigint,
    firms           bigint not null,
    above_scale     bigint not null,
    small_or_micro  bigint not null,
    candidates      bigint not null,
    unique nulls not distinct (node_id, park_id)
);

create function chain_node_park_of(park_keys bigint[], ids bigint[]) returns setof chain_node_park
    language sql stable
    as $$
    select f.node_id, f.park_id, count(*) filter (where f.capacity), count(*) filter (where f.capacity and f.above_scale),
           count(*) filter (where f.capacity and f.small_or_micro), count(*) filter (where f.status = 'CANDIDATE')
    from chain_firm_in(park_keys, ids) f
    group by f.node_id, f.park_id
    $$;

-- Current firms that are capacity on a chain (each firm once, however many nodes it is on).
create table chain_park (
    chain_id        varchar(8) not null,
    park_id         bigint,
    firms           bigint not null,
    unique nulls not distinct (chain_id, park_id)
);

create function chain_park_of(park_keys bigint[], ids bigint[]) returns setof chain_park
    language sql stable
    as $$
    select f.chain_id, f.park_id, count(distinct f.enterprise_id)
    from chain_firm_in(park_keys, ids) f where f.chain_capacity
    group by f.chain_id, f.park_id
    $$;

-- Figures of the current capacity firms per node or chain, park and year: a node's key is its id, a chain's its id
-- (each firm once). Null where none reported: with one firm on a node, its own figure, which the break-risk rule
-- compares year on year.
create table chain_park_year (
    part            varchar(24) not null,        -- a node id, or a chain id for the chain as a whole
    park_id         bigint,
    year            int not null,
    revenue         numeric(24,4),
    output          numeric(24,4),
    tax             numeric(24,4),
    staff           numeric(24,4),
    unique nulls not distinct (part, park_id, year)
);
create index chain_park_year_part_idx on chain_park_year(part, year);
create index chain_park_year_year_idx on chain_park_year(year);

create function chain_park_year_of(park_keys bigint[], years int[], ids bigint[]) returns setof chain_park_year
    language sql stable
    as $$
    select k.part, k.park_id, y.year, sum(y.revenue), sum(y.output), sum(y.tax), sum(y.staff)
    from (select f.node_id as part, f.park_id, f.enterprise_id from chain_firm_in(park_keys, ids) f where f.capacity
          union all
          select distinct f.chain_id, f.park_id, f.enterprise_id from chain_firm_in(park_keys, ids) f where f.chain_capacity
    ) k
    join enterprise_year y on y.enterprise_id = k.enterprise_id
    where years is null or y.year = any(years)
    group by k.part, k.park_id, y.year
    $$;

-- ── refresh (V017's functions, now with the chain facts) ────────────────────────────────────────────────────────────

-- Chain facts of the given park keys; years null = every year, and then the year-independent counts too.
create function refresh_chain_park_facts(park_keys bigint[], years int[]) returns void
    language sql
    as $$
    delete from chain_park_year f where park_key(f.park_id) = any(park_keys) and (years is null or f.year = any(years));
    insert into chain_park_year select * from chain_park_year_of(park_keys, years, null);
    delete from chain_node_park f where years is null and park_key(f.park_id) = any(park_keys);
    insert into chain_node_park select * from chain_node_park_of(park_keys, null) where years is null;
    delete from chain_park f where years is null and park_key(f.park_id) = any(park_keys);
    insert into chain_park select * from chain_park_of(park_keys, null) where years is null;
    $$;

-- V017's refreshes keep their bodies under a new name; the names their callers use now add the chain facts: the park
-- facts with the chain facts of the same parks, and a firm's standing after its stored links (SEI and cluster
-- membership read them through chain_capacity).
alter function refresh_park_facts(bigint[], int[]) rename to refresh_registry_park_facts;
alter function refresh_firm_standing(bigint[], bigint[]) rename to refresh_registry_standing;

create function refresh_park_facts(park_keys bigint[], years int[]) returns void
    language sql
    as $$
    select refresh_registry_park_facts(park_keys, years);
    select refresh_chain_park_facts(park_keys, years);
    $$;

create function refresh_firm_standing(ids bigint[], extra_park_keys bigint[]) returns void
    language plpgsql
    as $$
    begin
        perform lock_stored_facts();
        if ids is null then
            delete from chain_firm;
        else
            delete from chain_firm f using unnest(ids) k(id) where f.enterprise_id = k.id;
        end if;
        insert into chain_firm select * from chain_firm_of(ids);
        perform refresh_registry_standing(ids, extra_park_keys);
    end $$;

create or replace function derived_tables() returns setof text
    language sql immutable parallel safe
    as $$ select unnest(array['enterprise_year', 'sei_firm', 'cluster_membership', 'park_fact', 'park_year',
                              'cluster_park', 'cluster_park_year', 'parcel_fact', 'parcel_year_fact', 'building_fact',
                              'land_data_version', 'land_fact_pending', 'chain_firm', 'chain_node_park', 'chain_park',
                              'chain_park_year']) $$;

select lock_stored_facts();
insert into chain_firm select * from chain_firm_of(null);
select refresh_chain_park_facts(array(select id from park union select 0), null);

-- ── 补链 targets ───────────────────────────────────────────────────────────────────────────────────────────────────

-- The gaps follow the stored facts (read from them when the targets page is shown); what stays computed at
-- recomputation time (and on a pool import) is the ranking of the outside pool for every node that counts locally,
-- which depends only on the definitions and the pool. The list stored per gap (V015) goes; the next start ranks anew.
drop table chain_target;
drop table chain_target_gap;
delete from chain_target_run;

create table chain_node_target (
    node_id         varchar(24) not null,
    position        int not null,                    -- rank on the node, best first
    target_firm_id  bigint not null references target_firm(id) on delete cascade,
    score           double precision not null,
    role            varchar(16) not null,
    reasons         jsonb not null,                  -- [{zh, en}]
    primary key (node_id, position)
);
