-- Documents kept with the record they belong to: an objection's evidence, a ledger item's documents, a land
-- contract's scans. The file itself is stored here (not on disk), so a backup holds it and access follows the record.
create table attachment (
    id               bigserial primary key,
    objection_id     bigint references evaluation_objection(id) on delete cascade,
    intervention_id  bigint references land_intervention(id) on delete cascade,
    contract_id      bigint references land_contract(id) on delete cascade,
    file_name        text not null check (length(file_name) between 1 and 255),
    content_type     varchar(100) not null,
    size_bytes       int not null check (size_bytes between 1 and 10485760),
    sha256           char(64) not null,
    content          bytea not null,
    uploaded_by      text not null,
    uploaded_at      timestamptz not null default now(),
    check (num_nonnulls(objection_id, intervention_id, contract_id) = 1)
);
create index attachment_objection_idx on attachment(objection_id) where objection_id is not null;
create index attachment_intervention_idx on attachment(intervention_id) where intervention_id is not null;
create index attachment_contract_idx on attachment(contract_id) where contract_id is not null;
