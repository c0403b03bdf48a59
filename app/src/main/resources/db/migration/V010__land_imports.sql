-- Land contracts and their obligations come in through the importer too (the land department's spreadsheets): each
-- row remembers its batch, and an obligation is known by its contract, metric and checkpoint.
alter table land_contract   add column import_batch_id bigint references import_batch(id);
alter table land_obligation add column import_batch_id bigint references import_batch(id);
create unique index land_obligation_key_idx on land_obligation(contract_id, metric, event, offset_years);
