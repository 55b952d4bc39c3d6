-- Summary tables (metrics): figures the pages and the return read at once at
-- national scale (1.5M accounts), kept by observers of ingest's ImportAccepted
-- inside the import's own transaction, so they commit or roll back with it.
-- Each row is the definition's GROUP BY over the dataset, never edited.

-- Registrations (CONTRACT section 3): per calendar month, accounts (status not
-- deleted) created and registered in it. Months with neither have no row.
create table registration_month (
    organisation_id bigint   not null references organisation (id),
    year_number     integer  not null,
    month_number    integer  not null,
    created         bigint   not null,
    registered      bigint   not null,
    primary key (organisation_id, year_number, month_number)
);

-- The accounts already imported before this table existed.
insert into registration_month (organisation_id, year_number, month_number, created, registered)
select organisation_id, y, m, sum(c), sum(r) from (
    select organisation_id, extract(year from created_date) as y, extract(month from created_date) as m,
           1 as c, 0 as r
    from nhsmail_account where status <> 'deleted'
    union all
    select organisation_id, extract(year from registered_date), extract(month from registered_date), 0, 1
    from nhsmail_account where status <> 'deleted' and registered_date is not null
) a group by organisation_id, y, m;
