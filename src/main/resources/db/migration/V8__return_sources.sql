-- The sources of each finalised return version (CONTRACT section 4, "sources"):
-- the latest import of each kind the return reads (staff, nhsmail-accounts,
-- appointments) when it was finalised, copied from the import ledger and frozen
-- with the version's bytes, so later imports never change what a sealed version
-- names. Ids, counts, hashes and times only: no file name, no user. Inserted
-- once with the version, never updated.

create table return_source (
    return_version_id bigint      not null references return_version (id),
    kind              varchar(40) not null,
    import_id         bigint      not null,
    sha256            varchar(64) not null,
    row_count         bigint      not null,
    imported_at       timestamp with time zone not null,
    primary key (return_version_id, kind)
);

-- Versions finalised before this script: the ledger already knows which imports
-- they read (imports and finalising take the organisation's lock, so the latest
-- import of a kind at the time of finalising is the one the figures came from).
insert into return_source (return_version_id, kind, import_id, sha256, row_count, imported_at)
select v.id, b.kind, b.id, b.sha256, b.row_count, b.imported_at
from return_version v
join import_batch b on b.organisation_id = v.organisation_id
where b.kind in ('staff', 'nhsmail-accounts', 'appointments')
  and b.id = (select max(b2.id) from import_batch b2
              where b2.organisation_id = v.organisation_id and b2.kind = b.kind and b2.imported_at <= v.finalised_at);
