-- Pre-publication checks of an evaluation run (core PublicationChecks): the findings computed when the run is scored,
-- one row per check, cohort and indicator (or empty band), with the firms concerned and their figures; and, per
-- finding, the town administrator's acknowledgement with a reason. A run goes to 公示 only when every finding is
-- acknowledged (RunProcess#publicise). Run data, not a derived yearly figure: not in derived_tables().
create table evaluation_check (
    id               bigserial primary key,
    run_id           bigint not null references evaluation_run(id),
    check_code       text not null check (check_code in ('LAND_BELOW', 'BEYOND_BENCHMARK', 'NEGATIVE_TOTAL',
                                                         'SMALL_COHORT', 'MISSING_DATA', 'LEAVE_ONE_OUT')),
    cohort           text not null,
    subject          text not null default '',     -- the indicator's code, the empty band's class, or ''
    firms            jsonb not null default '[]',  -- [{"id": enterprise id, "name": …, "value": figure or null}]
    figure           double precision,
    threshold        double precision not null,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    reason           text,
    unique (run_id, check_code, cohort, subject),
    check ((acknowledged_by is null) = (acknowledged_at is null)
           and (acknowledged_by is null) = (reason is null)
           and (reason is null or btrim(reason) <> ''))
);
