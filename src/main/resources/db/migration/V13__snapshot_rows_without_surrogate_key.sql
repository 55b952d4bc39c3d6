-- Issue #11: the rows of the snapshot kinds are written as fast as the
-- database takes them (1.5 million accounts in an import).
-- Nothing reads their surrogate id: a row is known by its organisation, its
-- import and its source row. Dropped, it costs no identity value and no
-- primary-key entry per row (H2 keeps the rows in their own row order).
-- The account key index served only the duplicate-key check, which now reads
-- the few candidate keys that the import's filter names (ingest.KeyCandidates).
-- On PostgreSQL V12 already made these tables without either: each statement
-- below is then a no-op.
alter table staff drop column if exists id;
alter table legacy_account drop column if exists id;
alter table nhsmail_account drop column if exists id;
alter table appointment drop column if exists id;
alter table benefit drop column if exists id;
drop index if exists nhsmail_account_key;
