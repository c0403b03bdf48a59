-- The 补链 target list, computed when its inputs change (placements recomputed, a chain definition saved, the outside
-- pool imported) and read by the targets page: the town's gaps for the reference year, by 招商 priority, and the
-- ranked pool firms for each. Vacant space is not stored: it is looked up when the page is read.
create table chain_target_run (
    id              smallint primary key default 1 check (id = 1),   -- one stored list
    year            int not null,
    computed_at     timestamptz not null default now()
);

create table chain_target_gap (
    position        int primary key,                 -- by 招商 priority, highest first
    chain_id        varchar(8) not null references industry_chain(id) on delete cascade,
    node_id         varchar(24) not null,
    priority        double precision not null,
    flags           text[] not null,
    reasons         jsonb not null                   -- [{zh, en}]
);

create table chain_target (
    gap_position    int not null references chain_target_gap(position) on delete cascade,
    position        int not null,                    -- rank within the gap, best first
    target_firm_id  bigint not null references target_firm(id) on delete cascade,
    score           double precision not null,
    role            varchar(16) not null,
    reasons         jsonb not null,                  -- [{zh, en}]
    primary key (gap_position, position)
);
