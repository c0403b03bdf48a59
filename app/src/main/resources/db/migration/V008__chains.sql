-- Industry chains (产业链): definitions loaded from YAML (chains/*.yaml), enterprise placements with their evidence,
-- manual decisions that win over every recomputation, the clusters' composition, 链主 designations, the pool of
-- outside firms for 补链 and the 招商 leads made from it.

alter table enterprise add column business_scope text;   -- 经营范围, as registered
alter table enterprise add column main_products text;    -- 主营产品

create table industry_chain (
    id              varchar(8) primary key,          -- SC, 5G, NEV ...; also the node-id prefix
    name            text not null,
    name_en         text,
    sort_order      int not null default 0,
    definition_yaml text not null,                   -- the whole definition; exported back as is
    revision        int not null default 1,
    updated_at      timestamptz not null default now(),
    updated_by      text not null
);

create table industry_chain_revision (
    id              bigserial primary key,
    chain_id        varchar(8) not null references industry_chain(id) on delete cascade,
    revision        int not null,
    definition_yaml text not null,
    saved_at        timestamptz not null default now(),
    saved_by        text not null,
    unique (chain_id, revision)
);

create table chain_node (
    id              varchar(24) primary key,
    chain_id        varchar(8) not null references industry_chain(id) on delete cascade,
    name            text not null,
    stage           varchar(12) not null check (stage in ('UPSTREAM','MIDSTREAM','DOWNSTREAM')),
    sort_order      int not null default 0,
    scope           varchar(12) not null check (scope in ('LOCAL','DISTRICT','CITY','NATIONAL')),
    key_link        boolean not null default false,
    demand_node     boolean not null default false,
    seller_node     boolean not null default false,
    watch_list      boolean not null default false,
    sei_codes       text[] not null default '{}',    -- derived SEI categories of firms placed here (our mapping)
    industry_codes  text[] not null default '{}'
);
create index chain_node_chain_idx on chain_node(chain_id);

-- Computed placements: replaced whole on every recomputation.
create table chain_link (
    enterprise_id   bigint not null references enterprise(id) on delete cascade,
    node_id         varchar(24) not null references chain_node(id) on delete cascade,
    score           numeric(4,3) not null check (score between 0 and 1),
    status          varchar(12) not null check (status in ('AUTO','CANDIDATE')),
    role            varchar(12) not null check (role in ('PRODUCER','SERVICE','SELLER','USER')),
    evidence        jsonb not null,
    note            text,
    computed_at     timestamptz not null default now(),
    primary key (enterprise_id, node_id)
);
create index chain_link_node_idx on chain_link(node_id);

-- A person's decision on a firm and a node: confirmed (or added by hand) or rejected. Never touched by recomputation;
-- a rejection is also the per-firm exclusion that keeps a firm off the node after keyword changes.
create table chain_link_override (
    enterprise_id   bigint not null references enterprise(id) on delete cascade,
    node_id         varchar(24) not null,
    decision        varchar(12) not null check (decision in ('CONFIRMED','REJECTED')),
    role            varchar(12) not null check (role in ('PRODUCER','SERVICE','SELLER','USER')),
    reason          text not null,
    decided_by      text not null,
    decided_at      timestamptz not null default now(),
    primary key (enterprise_id, node_id)
);

-- What counts: a decision wins over the computed status.
create view chain_link_effective as
select coalesce(o.enterprise_id, l.enterprise_id) as enterprise_id,
       coalesce(o.node_id, l.node_id) as node_id,
       coalesce(o.decision, l.status) as status,
       coalesce(o.role, l.role) as role,
       l.score, l.evidence, l.note,
       o.reason as decision_reason, o.decided_by, o.decided_at
from chain_link l
full join chain_link_override o on o.enterprise_id = l.enterprise_id and o.node_id = l.node_id;

-- The clusters' composition ("1+4+X" as configuration): chains and SEI categories per cluster.
create table cluster_rule (
    id              bigserial primary key,
    cluster_id      bigint not null references cluster(id) on delete cascade,
    chain_id        varchar(8),
    sei_prefix      varchar(8),
    check ((chain_id is null) <> (sei_prefix is null))
);

-- The government designates a 链主; the platform records it with its document.
create table chain_leader_designation (
    id              bigserial primary key,
    chain_id        varchar(8) not null references industry_chain(id) on delete cascade,
    enterprise_id   bigint not null references enterprise(id) on delete cascade,
    document        text not null,                   -- 文件名称与文号
    designated_on   date not null,
    note            text,
    created_by      text not null,
    created_at      timestamptz not null default now()
);

-- Firms outside the town that could fill a gap (补链 pool), imported from lists such as listed companies.
create table target_firm (
    id              bigserial primary key,
    name            text not null unique,
    symbol          varchar(16),
    industry_code   varchar(4),
    business        text not null default '',         -- 主营业务 / 经营范围
    listed          boolean not null default false,
    region          text,
    source          text not null,
    imported_at     timestamptz not null default now(),
    imported_by     text not null
);

-- 招商 leads: a target turned into work.
create table investment_lead (
    id              bigserial primary key,
    target_firm_id  bigint not null references target_firm(id),
    chain_id        varchar(8) references industry_chain(id) on delete set null,
    node_id         varchar(24),
    park_id         bigint references park(id),
    floor_space_id  bigint references floor_space(id),
    status          varchar(16) not null default 'NEW' check (status in ('NEW','CONTACTED','VISITING','NEGOTIATING','SIGNED','DROPPED')),
    note            text,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index investment_lead_park_idx on investment_lead(park_id);
