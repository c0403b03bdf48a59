-- Bulk imports write up to millions of figures at a time. Each foreign key is a per-row trigger on insert, so the
-- figure → batch link is kept by the importer instead (batches are never deleted, only marked rolled back), and the
-- batch index goes: only a roll-back reads figures by batch, and it may scan.
alter table indicator_value drop constraint indicator_value_import_batch_id_fkey;
drop index indicator_value_batch_idx;
