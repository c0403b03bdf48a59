-- Imports: every registry row and figure remembers the batch that last wrote it; each batch keeps the rows it
-- replaced (before-images) so that a roll-back restores them exactly.
alter table import_batch drop constraint import_batch_status_check;
alter table import_batch add constraint import_batch_status_check
    check (status in ('COMMITTED', 'ROLLED_BACK'));
alter table import_batch
    add column inserted       int not null default 0,
    add column updated        int not null default 0,
    add column unchanged      int not null default 0,
    add column warnings       int not null default 0,
    add column rolled_back_at timestamptz,
    add column rolled_back_by text;
create index import_batch_sha_idx on import_batch(sha256, kind);

alter table park          add column import_batch_id bigint references import_batch(id);
alter table parcel        add column import_batch_id bigint references import_batch(id);
alter table building      add column import_batch_id bigint references import_batch(id);
alter table floor_space   add column import_batch_id bigint references import_batch(id);
alter table enterprise    add column import_batch_id bigint references import_batch(id);
alter table occupancy     add column import_batch_id bigint references import_batch(id);
alter table qualification add column import_batch_id bigint references import_batch(id);
create index indicator_value_batch_idx on indicator_value(import_batch_id);

create table import_change (
    id          bigserial primary key,
    batch_id    bigint not null references import_batch(id),
    entity      varchar(32) not null,
    row_id      bigint not null,
    before      jsonb not null            -- the whole row as it was before the batch changed it (updates only;
                                          -- rows a batch inserted carry its id in import_batch_id)
);
create index import_change_batch_idx on import_change(batch_id);
create index import_change_row_idx on import_change(entity, row_id);

-- natural keys the importer upserts on
create unique index qualification_key_idx on qualification(enterprise_id, type, issued_on);
create unique index occupancy_key_idx on occupancy(enterprise_id, parcel_id, role, valid_from);
