-- Decommissioning history (metrics): the legacy burn-down. One point per
-- accepted legacy-accounts import, written in the import's own transaction
-- and never recomputed (CONTRACT section 3).

create table decommissioning_history (
    import_id             bigint  not null primary key references import_batch (id),
    organisation_id       bigint  not null references organisation (id),
    imported_at           timestamp with time zone not null,
    active_user_mailboxes integer not null
);
create index decommissioning_history_org on decommissioning_history (organisation_id, import_id);
