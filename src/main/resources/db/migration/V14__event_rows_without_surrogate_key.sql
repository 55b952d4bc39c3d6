-- Issue #11: the rows of the event kinds (tickets, finance lines, benefit
-- measurements) load as fast as the database takes them, as V13 did for the
-- snapshot kinds. Nothing reads their surrogate id: a row is known by its
-- organisation and key (the indexes kept), its import and its source row.
-- Dropped, it costs no identity value and no primary-key entry per row
-- (2 million tickets in an import).
alter table ticket drop column id;
alter table finance_line drop column id;
alter table benefit_measurement drop column id;
