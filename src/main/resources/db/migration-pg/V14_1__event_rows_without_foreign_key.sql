-- Issue #11, PostgreSQL: the foreign key from an event row to its organisation
-- was checked by a trigger per inserted row, 5.3 s of a 12.3 s load of 2 million
-- tickets here. An import writes only the id of the organisation whose row it
-- holds locked, and organisations are never deleted, so the check found
-- nothing; the snapshot kinds' partitions (V12) have none either. H2 checks
-- the key through an index in the same process and keeps it.
alter table ticket drop constraint if exists ticket_organisation_id_fkey;
alter table finance_line drop constraint if exists finance_line_organisation_id_fkey;
alter table benefit_measurement drop constraint if exists benefit_measurement_organisation_id_fkey;
