-- PostgreSQL only (issue #11): each snapshot kind's table is partitioned by
-- organisation. An import writes the organisation's new rows into a table of
-- their own, without indexes, by COPY, and swaps it in for the old partition
-- in the same transaction (ingest.SnapshotPartitions): no index is maintained
-- row by row and the old rows go with a DROP instead of a DELETE. Queries are
-- unchanged; each reads one organisation's partition (pruned by
-- organisation_id) with sequential scans and hash joins.
-- Left out of the partitioned tables: the surrogate id (nothing reads it, and
-- PostgreSQL 15 cannot give a partitioned table an identity) and the foreign
-- key to organisation (organisations are never deleted, an import locks its
-- organisation's row, and attaching a partition would scan it to check the key).
-- H2 keeps the tables of V1.
do $$
declare
    t text;
    old text;
    cols text;
    org bigint;
    part text;
begin
    foreach t in array array['staff', 'legacy_account', 'nhsmail_account', 'appointment', 'benefit'] loop
        old := t || '_before_v12';
        execute format('alter table %I rename to %I', t, old);
        execute format('alter table %I drop column id', old);
        select string_agg(format('%I %s%s', a.attname, format_type(a.atttypid, a.atttypmod),
                                 case when a.attnotnull then ' not null' else '' end), ', ' order by a.attnum)
          into cols
          from pg_attribute a
         where a.attrelid = old::regclass and a.attnum > 0 and not a.attisdropped;
        execute format('create table %I (%s) partition by list (organisation_id)', t, cols);
        for org in execute format('select distinct organisation_id from %I', old) loop
            part := t || '_o' || org || '_v12';
            execute format('create table %I (%s, constraint %I check (organisation_id = %s))',
                           part, cols, part || '_org', org);
            execute format('insert into %I select * from %I where organisation_id = %s', part, old, org);
            execute format('alter table %I attach partition %I for values in (%s)', t, part, org);
        end loop;
        execute format('drop table %I', old);
    end loop;
end $$;
