-- Land and space (issue 6): vacancy attributes of floor space, land contracts with their obligations, and the
-- revitalisation ledger (interventions on one or more parcels).

alter table floor_space
    add column floor_load_kn_m2  numeric(6,1) check (floor_load_kn_m2 is null or floor_load_kn_m2 > 0),  -- 楼面荷载
    add column clear_height_m    numeric(5,2) check (clear_height_m is null or clear_height_m > 0),      -- 净高
    add column rent_yuan_m2_day  numeric(8,2) check (rent_yuan_m2_day is null or rent_yuan_m2_day >= 0), -- 租金 元/m²/天
    add column available_from    date,
    add column note              text;

-- 土地出让合同 / 标准地 / 全生命周期 contract of a parcel.
create table land_contract (
    id                      bigserial primary key,
    parcel_id               bigint not null references parcel(id),
    contract_no             varchar(64) not null unique,
    kind                    varchar(16) not null check (kind in ('STANDARD', 'LIFECYCLE', 'GRANT', 'LEASE')),
    signed_on               date not null,
    construction_start_due  date,
    completion_due          date,
    completed_on            date,
    term_ends_on            date,
    note                    text,
    check (completed_on is null or completed_on >= signed_on)
);
create index land_contract_parcel_idx on land_contract(parcel_id);

-- One obligation: {metric, target, unit, checkpoint (event + offset, repeated), tolerance, consequence}.
create table land_obligation (
    id              bigserial primary key,
    contract_id     bigint not null references land_contract(id) on delete cascade,
    metric          varchar(32) not null,
    label           text not null,
    target          numeric(20,4) not null check (target >= 0),
    unit            varchar(16) not null,
    per_mu          boolean not null default true,
    at_most         boolean not null default false,
    event           varchar(16) not null check (event in ('COMPLETION', 'SIGNING')),
    offset_years    int not null check (offset_years >= 0),
    every_years     int not null default 0 check (every_years >= 0),
    tolerance       numeric(5,4) not null default 0 check (tolerance >= 0 and tolerance < 1),
    consequence     text
);
create index land_obligation_contract_idx on land_obligation(contract_id);

-- The revitalisation ledger: 收储, 改造, 转让, 腾笼换鸟, 减量化 … on a site of one or more parcels. The figures before
-- and after are computed from the occupants' stored figures; the baseline year is the year compared against.
create table land_intervention (
    id              bigserial primary key,
    kind            varchar(16) not null check (kind in ('RESERVE', 'RENOVATION', 'TRANSFER', 'REPLACEMENT', 'REDUCTION', 'RECOVERY')),
    title           text not null,
    started_on      date not null,
    completed_on    date,
    baseline_year   int not null,
    description     text,
    document        text,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    check (completed_on is null or completed_on >= started_on)
);

create table land_intervention_parcel (
    intervention_id bigint not null references land_intervention(id) on delete cascade,
    parcel_id       bigint not null references parcel(id),
    primary key (intervention_id, parcel_id)
);
create index land_intervention_parcel_parcel_idx on land_intervention_parcel(parcel_id);
