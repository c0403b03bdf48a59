-- Land areas may be published for objection before any scoring (遂昌: 用地面积先公示), so disputes about area are settled
-- first; a publicity window may count working days (蚌埠: 5 个工作日).
alter table evaluation_run drop constraint evaluation_run_status_check;
alter table evaluation_run add constraint evaluation_run_status_check
    check (status in ('LAND_PUBLICISED', 'SCORED', 'PUBLICISED', 'FINAL', 'SUPERSEDED'));
alter table evaluation_run add column working_days boolean not null default false;
