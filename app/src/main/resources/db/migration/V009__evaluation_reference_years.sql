-- The cohort data of other years that a run's benchmarks are taken from (Huai'an: 2 × the previous year's mean),
-- snapshotted with the run like its own inputs, so that the run can be reproduced exactly.
create table evaluation_reference_input (
    run_id          bigint not null references evaluation_run(id),
    year            int not null,
    enterprise_id   bigint not null references enterprise(id),
    above_scale     boolean not null,
    land_m2         numeric(14,2) not null,
    metrics         jsonb not null,
    primary key (run_id, year, enterprise_id)
);
