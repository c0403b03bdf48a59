-- 亩均效益评价 runs. A run keeps the scheme text it used and a snapshot of every enterprise's inputs, so it can be
-- reproduced exactly; a recalculation after objections is a new version pointing at the one it replaces.
create table evaluation_run (
    id                bigserial primary key,
    scheme_id         varchar(64) not null,
    scheme_yaml       text not null,
    year              int not null,
    attribution       varchar(32) not null default 'FLOOR_SHARE',
    status            varchar(16) not null check (status in ('SCORED', 'PUBLICISED', 'FINAL', 'SUPERSEDED')),
    version           int not null default 1,
    previous_run_id   bigint references evaluation_run(id),
    publicised_from   date,
    publicised_until  date,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    finalised_at      timestamptz
);

create table evaluation_input (
    run_id          bigint not null references evaluation_run(id),
    enterprise_id   bigint not null references enterprise(id),
    above_scale     boolean not null,
    land_m2         numeric(14,2) not null,
    metrics         jsonb not null,          -- metric → value in stored units; absent = no data
    primary key (run_id, enterprise_id)
);

create table evaluation_result (
    run_id          bigint not null references evaluation_run(id),
    enterprise_id   bigint not null references enterprise(id),
    park_id         bigint,
    cohort          varchar(32),
    total           numeric(14,4),
    rank            int,
    of_count        int,
    klass           varchar(8),
    explanation     jsonb not null,
    primary key (run_id, enterprise_id)
);
create index evaluation_result_park_idx on evaluation_result(run_id, park_id);

create table evaluation_objection (
    id              bigserial primary key,
    run_id          bigint not null references evaluation_run(id),
    enterprise_id   bigint not null references enterprise(id),
    metric          varchar(32) not null,
    claimed_value   numeric(20,4),
    reason          text not null,
    evidence        text,
    filed_by        text not null,
    filed_at        timestamptz not null default now(),
    status          varchar(16) not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'REJECTED')),
    decision        text,
    decided_by      text,
    decided_at      timestamptz
);
create index evaluation_objection_run_idx on evaluation_objection(run_id);
